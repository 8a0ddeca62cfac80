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
        var tables = new List<Tables.Table>();
        var varying = new List<Expr>();
        foreach (var item in items)
        {
            var isColumn = item.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName && Row.IndexOf(Naming.NameText(item)) >= 0;
            if (!isColumn && Runner.IsTabular(item, Scope))
            {
                tables.Add(Runner.Tabular(item, Scope));
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
        // A plain 'in' over strings (a list of event ids or names, a let of user names) is a set of string ids.
        if (varying.Count == 0 && op is "in" or "!in" && constants.All(v => v is string)
            && tables.All(t => t.Chunks.All(c => c[0] is StringColumn)))
        {
            var negated = op == "!in";
            var members = Members(constants.Cast<string>(), tables);
            var values = new Lazy<(HashSet<string> Set, object?[] List)>(() =>
            {
                var list = constants.Concat(Values(tables)).ToArray();
                return (new HashSet<string>(list.Cast<string>(), StringComparer.Ordinal), list);
            });
            return new VectorExpr(KqlType.Bool, [left], (v, n) => v[0] is ColumnVector { Column: StringColumn column }
                ? MemberTest(column, members, negated, n)
                : Vectors.Map(KqlType.Bool, v[0], x => Dyn.Unwrap(x) is string s ? values.Value.Set.Contains(s) != negated : test(x, values.Value.List)));
        }
        constants.AddRange(Values(tables));
        if (varying.Count == 0)
        {
            var list = constants.ToArray();
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

    /// <summary>The first column's values of each table.</summary>
    private static IEnumerable<object?> Values(List<Tables.Table> tables)
    {
        foreach (var chunk in tables.SelectMany(t => t.Chunks))
        {
            var column = new ColumnVector(chunk[0]);
            for (var i = 0; i < chunk.RowCount; i++) yield return column.Get(i);
        }
    }

    /// <summary>
    /// Whether each string id is one of <paramref name="strings"/> or of the string first columns of
    /// <paramref name="tables"/> (index: id; ids past the end are not). A table's values are taken by their dictionaries'
    /// ids: a let of names gathered from the window's segments is never hashed again.
    /// </summary>
    private bool[] Members(IEnumerable<string> strings, List<Tables.Table> tables)
    {
        var ids = strings.Select(Runner.Strings.Of).ToList();
        foreach (var chunk in tables.SelectMany(t => t.Chunks))
        {
            var column = (StringColumn)chunk[0];
            var byCode = Runner.Strings.Of(column.Dictionary);
            for (var row = 0; row < chunk.RowCount; row++) ids.Add(byCode[column.Codes[row]]);
        }
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
