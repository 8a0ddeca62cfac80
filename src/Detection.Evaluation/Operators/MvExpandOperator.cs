using System.Text.Json;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

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
        var itemOfColumn = new int[columns.Count];
        Array.Fill(itemOfColumn, -1);
        for (var i = 0; i < items.Count; i++) itemOfColumn[items[i].Target] = i;
        foreach (var chunk in input.Chunks)
        {
            var vectors = items.Select(i => i.Expr.Eval(chunk)).ToArray();
            // A stored dynamic column is expanded once per distinct value of the chunk. Expanded to dynamic, its elements
            // become a column of the chunk's distinct elements that output rows gather from (no JSON written per row).
            var cached = vectors.Select(v => v is ColumnVector { Column: DynamicColumn d } ? new List<object?>?[d.Dictionary.Count] : null).ToArray();
            var ids = items.Select((item, i) => cached[i] is not null && item.Type == KqlType.Dynamic ? new ElementIds(cached[i]!.Length) : null).ToArray();
            var sourceRows = new List<int>();
            var positions = new List<long>();
            var expanded = items.Select(_ => new List<object?>()).ToArray();
            var expandedIds = items.Select(_ => new List<int>()).ToArray();
            void Flush()
            {
                if (sourceRows.Count == 0) return;
                var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sourceRows);
                var output = new Column[columns.Count];
                for (var c = 0; c < output.Length; c++)
                    output[c] = itemOfColumn[c] is var i and >= 0
                        ? ids[i] is { } elementIds
                            ? ColumnFactory.Gather(ColumnFactory.FromValues(KqlType.Dynamic, elementIds.Elements), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(expandedIds[i]))
                            : ColumnFactory.FromValues(items[i].Type, expanded[i])
                        : c < chunk.Columns.Length ? ColumnFactory.Gather(chunk.Columns[c], rows)
                        : ColumnFactory.Long(positions.ToArray());
                builder.AddChunk(new Chunk(sourceRows.Count, output));
                sourceRows.Clear();
                positions.Clear();
                foreach (var list in expanded) list.Clear();
                foreach (var list in expandedIds) list.Clear();
            }
            var lists = new List<object?>[items.Count];
            var codes = new int[items.Count];
            for (var row = 0; row < chunk.RowCount; row++)
            {
                var count = 0;
                for (var i = 0; i < items.Count; i++)
                {
                    if (cached[i] is { } cache && vectors[i] is ColumnVector { Column: DynamicColumn d })
                    {
                        codes[i] = d.Codes[row];
                        lists[i] = cache[codes[i]] ??= Elements(vectors[i].Get(row), bagAsArray);
                    }
                    else lists[i] = Elements(vectors[i].Get(row), bagAsArray);
                    count = Math.Max(count, lists[i].Count);
                }
                count = (int)Math.Min(count, limit);
                for (var n = 0; n < count; n++)
                {
                    sourceRows.Add(row);
                    positions.Add(n);
                    for (var i = 0; i < items.Count; i++)
                    {
                        if (ids[i] is { } elementIds) expandedIds[i].Add(elementIds.Id(codes[i], n, lists[i]));
                        else expanded[i].Add(Kv.Cast(n < lists[i].Count ? lists[i][n] : null, items[i].Type));
                    }
                }
                if (sourceRows.Count >= ResultBuilder.ChunkRows) Flush();
            }
            Flush();
        }
        return builder.Build();
    }

    /// <summary>The distinct expanded elements of one chunk's dynamic column: element n of code c has one id (0 is null, the padding).</summary>
    private sealed class ElementIds(int codes)
    {
        private readonly int[]?[] _ids = new int[codes][];

        public List<object?> Elements { get; } = [null];

        public int Id(int code, int n, List<object?> elements)
        {
            if (n >= elements.Count) return 0;
            var ids = _ids[code] ??= new int[elements.Count];
            if (ids[n] == 0)
            {
                ids[n] = Elements.Count;
                Elements.Add(elements[n]);
            }
            return ids[n];
        }
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
