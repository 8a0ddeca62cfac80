using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Expressions;

internal sealed partial class ExprCompiler
{
    /// <summary>
    /// in, !in, in~, !in~, has_any, has_all. The list holds scalars, dynamic arrays (their elements) and tabular
    /// expressions (their first column). <c>in</c> is == joined by or; <c>!in</c> is != joined by and (KQL-SEMANTICS §1).
    /// </summary>
    private Expr In(SyntaxNode node)
    {
        var left = Compile(node.NodeAt(0)!);
        var op = node.Tokens().First().Text;
        var listNode = node.NodeAt(1)!;
        var items = listNode.Kind == SyntaxKind.ExpressionList ? listNode.Nodes().ToList() : [listNode];
        var constants = new List<object?>();
        var varying = new List<Expr>();
        foreach (var item in items)
        {
            var isColumn = item.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName && Row.IndexOf(Naming.NameText(item)) >= 0;
            if (!isColumn && Runner.IsTabular(item, Scope))
            {
                var table = Runner.Tabular(item, Scope);
                foreach (var chunk in table.Chunks)
                {
                    var column = new ColumnVector(chunk[0]);
                    for (var i = 0; i < chunk.RowCount; i++) constants.Add(column.Get(i));
                }
                continue;
            }
            var expr = Compile(item);
            if (expr.IsConstant)
            {
                var value = ((ConstantExpr?)(expr as ConstantExpr))?.Value ?? expr.Eval(new Tables.Chunk(1, [])).Get(0);
                if (Dyn.IsArray(value)) constants.AddRange(Dyn.Elements(value));
                else constants.Add(value);
            }
            else varying.Add(expr);
        }
        var test = Test(op, node);
        if (varying.Count == 0)
        {
            var list = constants.ToArray();
            // A plain 'in' over constants is a set lookup (the common case: a list of event ids or names).
            if (op is "in" or "!in" && list.All(v => v is string))
            {
                var set = new HashSet<string>(list.Cast<string>(), StringComparer.Ordinal);
                var negated = op == "!in";
                var members = Members(set);
                return new VectorExpr(KqlType.Bool, [left], (v, n) => v[0] is ColumnVector { Column: StringColumn column }
                    ? MemberTest(column, members, negated, n)
                    : Vectors.Map(KqlType.Bool, v[0], x => Dyn.Unwrap(x) is string s ? set.Contains(s) != negated : test(x, list)));
            }
            return new MapExpr(KqlType.Bool, [left], v => test(v[0], list));
        }
        return new MapExpr(KqlType.Bool, [left, .. varying], v =>
        {
            var all = new List<object?>(constants);
            foreach (var value in v.Skip(1))
            {
                if (Dyn.IsArray(value)) all.AddRange(Dyn.Elements(value));
                else all.Add(value);
            }
            return test(v[0], all);
        });
    }

    /// <summary>Whether each string id is one of <paramref name="set"/> (index: id; ids past the end are not).</summary>
    private bool[] Members(HashSet<string> set)
    {
        var ids = set.Select(Runner.Strings.Of).ToList();
        var members = new bool[ids.Count == 0 ? 0 : ids.Max() + 1];
        foreach (var id in ids) members[id] = true;
        return members;
    }

    /// <summary>A string column's membership, one integer lookup a row through the column's string ids.</summary>
    private BoolVector MemberTest(StringColumn column, bool[] members, bool negated, int rowCount)
    {
        var ids = Runner.Strings.Of(column.Dictionary);
        var codes = column.Codes;
        var result = new byte[rowCount];
        for (var row = 0; row < rowCount; row++)
        {
            var id = ids[codes[row]];
            result[row] = (id < members.Length && members[id]) != negated ? BoolVector.True : BoolVector.False;
        }
        return new BoolVector(result);
    }

    private static Func<object?, IReadOnlyList<object?>, object?> Test(string op, SyntaxNode node) => op switch
    {
        "in" => (x, list) => list.Any(y => Kv.Equal(x, y) == true),
        "!in" => (x, list) => list.All(y => Kv.NotEqual(x, y) == true),
        "in~" => (x, list) => list.Any(y => Kv.EqualIgnoreCase(x, y) == true),
        "!in~" => (x, list) => !list.Any(y => Kv.EqualIgnoreCase(x, y) == true),
        "has_any" => (x, list) => list.Any(y => StringOps.Has(Kv.ToText(x), Kv.ToText(y))),
        "has_all" => (x, list) => list.All(y => StringOps.Has(Kv.ToText(x), Kv.ToText(y))),
        _ => throw EvaluationException.NotSupported($"operator {op}", node),
    };
}
