using System.Text.Json;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>mv-expand [bagexpansion=bag|array] [with_itemindex=I] Col [to typeof(T)], Name = expr, … [limit N]</c>
/// (mv-expand-operator.md, KQL-SEMANTICS §8): one row per array element or bag slot; several columns expand in
/// parallel, shorter ones padded with null; a null value gives one row, an empty array or bag none.
/// </summary>
internal static class MvExpandOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var bagAsArray = (Naming.Parameter(op, "bagexpansion") ?? Naming.Parameter(op, "kind")) == "array";
        var indexName = Naming.Parameter(op, "with_itemindex");
        var limit = op.Node(SyntaxKind.LimitClause) is { } l ? TakeOperator.Count(l.NodeAt(0)!, runner, scope)
            : op.FirstToken!.Text == "mvexpand" ? 128 : int.MaxValue;
        var compiler = new ExprCompiler(runner, scope, input.Schema);
        var columns = input.Schema.Columns.ToList();
        var items = new List<(int Target, Expr Expr, KqlType Type)>();
        foreach (var raw in op.Nodes().Where(n => n.Kind is not (SyntaxKind.QueryParameter or SyntaxKind.LimitClause or SyntaxKind.OnClause)))
        {
            var item = raw;
            var type = KqlType.Dynamic;
            if (raw.Kind == SyntaxKind.NamedExpression && raw.Node(SyntaxKind.ToTypeClause) is { } to)
            {
                item = raw.NodeAt(0)!;
                type = KqlTypeNames.Parse(to.Tokens().First(t => t.Kind == SyntaxKind.Identifier && t.Text is not ("to" or "typeof")).Text);
            }
            string name;
            Expr expr;
            if (item.Kind == SyntaxKind.NamedExpression)
            {
                name = Naming.NameText(item.NodeAt(0)!);
                expr = compiler.Compile(item.NodeAt(1)!);
            }
            else
            {
                expr = compiler.Compile(item);
                name = Naming.ExpressionName(item) ?? throw EvaluationException.NotSupported("mv-expand of an unnamed expression", item);
            }
            var at = columns.FindIndex(c => c.Name == name);
            if (at >= 0) columns[at] = new ColumnSymbol(name, type);
            else
            {
                at = columns.Count;
                columns.Add(new ColumnSymbol(name, type));
            }
            items.Add((at, expr, type));
        }
        if (indexName is not null) columns.Add(new ColumnSymbol(indexName, KqlType.Long));

        var builder = new ResultBuilder(new TableSymbol(input.Schema.Name, columns));
        foreach (var chunk in input.Chunks)
        {
            var vectors = items.Select(i => i.Expr.Eval(chunk)).ToArray();
            var stored = chunk.Columns.Select(c => new ColumnVector(c)).ToArray();
            for (var row = 0; row < chunk.RowCount; row++)
            {
                var lists = vectors.Select(v => Elements(v.Get(row), bagAsArray)).ToArray();
                var count = Math.Min(lists.Max(x => x.Count), limit);
                for (var n = 0; n < count; n++)
                {
                    var values = new object?[columns.Count];
                    for (var c = 0; c < stored.Length; c++) values[c] = stored[c].Get(row);
                    for (var i = 0; i < items.Count; i++)
                    {
                        var element = n < lists[i].Count ? lists[i][n] : null;
                        values[items[i].Target] = Kv.Cast(element, items[i].Type);
                    }
                    if (indexName is not null) values[^1] = (long)n;
                    builder.Add(values);
                }
            }
        }
        return builder.Build();
    }

    private static List<object?> Elements(object? value, bool bagAsArray) => value switch
    {
        null => [null],
        JsonElement { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().Select(Dyn.Normalize).ToList(),
        JsonElement { ValueKind: JsonValueKind.Object } b => b.EnumerateObject()
            .Select(p => (object?)(bagAsArray ? Dyn.Array([p.Name, Dyn.Normalize(p.Value)]) : Dyn.Bag([KeyValuePair.Create(p.Name, Dyn.Normalize(p.Value))])))
            .ToList(),
        _ => [value],
    };
}
