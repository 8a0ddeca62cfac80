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
        var expansion = Compile(op, input.Schema, runner, scope);
        var builder = new ResultBuilder(expansion.Schema);
        foreach (var chunk in input.Chunks)
            foreach (var (expanded, _) in expansion.Expand(chunk)) builder.AddChunk(expanded);
        return builder.Build();
    }

    /// <summary>The operator compiled against <paramref name="input"/>: its output schema and the expansion of a chunk.</summary>
    internal static Expansion Compile(SyntaxNode op, TableSymbol input, QueryRunner runner, Scope scope)
    {
        var bagAsArray = (Naming.Parameter(op, "bagexpansion") ?? Naming.Parameter(op, "kind")) == "array";
        var indexName = Naming.Parameter(op, "with_itemindex");
        var limit = op.Node(SyntaxKind.LimitClause) is { } l ? TakeOperator.Count(l.NodeAt(0)!, runner, scope)
            : op.FirstToken!.Text == "mvexpand" ? 128 : int.MaxValue;
        var compiler = new ExprCompiler(runner, scope, input);
        var columns = input.Columns.ToList();
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
        return new Expansion(new TableSymbol(input.Name, columns), items, bagAsArray, limit);
    }

    internal sealed record Expansion(TableSymbol Schema, List<(int Target, Expr Expr, KqlType Type)> Items, bool BagAsArray, long Limit)
    {
        /// <summary>
        /// The rows of <paramref name="chunk"/> expanded, in chunks of up to <see cref="ResultBuilder.ChunkRows"/> rows
        /// (the rows of one input row are never split between two), each with the input row of each of its rows.
        /// </summary>
        public IEnumerable<(Chunk Expanded, int[] SourceRows)> Expand(Chunk chunk)
        {
            var columns = Schema.Columns;
            var itemOfColumn = new int[columns.Length];
            Array.Fill(itemOfColumn, -1);
            for (var i = 0; i < Items.Count; i++) itemOfColumn[Items[i].Target] = i;
            var vectors = Items.Select(i => i.Expr.Eval(chunk)).ToArray();
            // A stored dynamic column is expanded once per distinct value of the chunk. Expanded to dynamic, its elements
            // become a column of the chunk's distinct elements that output rows gather from (no JSON written per row).
            // Codes are renumbered densely: a chunk of a few rows keeps its source's whole dictionary.
            var dense = vectors.Select(v => v is ColumnVector { Column: DynamicColumn d } ? DenseCodes.Of(d.Codes, chunk.RowCount, d.Dictionary.Count) : default).ToArray();
            var cached = dense.Select(d => d.Codes is null ? null : new List<object?>?[d.Count]).ToArray();
            var ids = Items.Select((item, i) => cached[i] is not null && item.Type == KqlType.Dynamic ? new ElementIds(cached[i]!.Length) : null).ToArray();
            var sourceRows = new List<int>();
            var positions = new List<long>();
            var expanded = Items.Select(_ => new List<object?>()).ToArray();
            var expandedIds = Items.Select(_ => new List<int>()).ToArray();
            (Chunk, int[]) Flush()
            {
                var rows = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sourceRows);
                var output = new Column[columns.Length];
                for (var c = 0; c < output.Length; c++)
                    output[c] = itemOfColumn[c] is var i and >= 0
                        ? ids[i] is { } elementIds
                            ? ColumnFactory.Gather(ColumnFactory.FromValues(KqlType.Dynamic, elementIds.Elements), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(expandedIds[i]))
                            : ColumnFactory.FromValues(Items[i].Type, expanded[i])
                        : c < chunk.Columns.Length ? ColumnFactory.Gather(chunk.Columns[c], rows)
                        : ColumnFactory.Long(positions.ToArray());
                var result = (new Chunk(sourceRows.Count, output), sourceRows.ToArray());
                sourceRows.Clear();
                positions.Clear();
                foreach (var list in expanded) list.Clear();
                foreach (var list in expandedIds) list.Clear();
                return result;
            }
            var lists = new List<object?>[Items.Count];
            var codes = new int[Items.Count];
            for (var row = 0; row < chunk.RowCount; row++)
            {
                var count = 0;
                for (var i = 0; i < Items.Count; i++)
                {
                    if (cached[i] is { } cache)
                    {
                        codes[i] = dense[i].Codes![row];
                        lists[i] = cache[codes[i]] ??= Elements(vectors[i].Get(row), BagAsArray);
                    }
                    else lists[i] = Elements(vectors[i].Get(row), BagAsArray);
                    count = Math.Max(count, lists[i].Count);
                }
                count = (int)Math.Min(count, Limit);
                for (var n = 0; n < count; n++)
                {
                    sourceRows.Add(row);
                    positions.Add(n);
                    for (var i = 0; i < Items.Count; i++)
                    {
                        if (ids[i] is { } elementIds) expandedIds[i].Add(elementIds.Id(codes[i], n, lists[i]));
                        else expanded[i].Add(Kv.Cast(n < lists[i].Count ? lists[i][n] : null, Items[i].Type));
                    }
                }
                if (sourceRows.Count >= ResultBuilder.ChunkRows) yield return Flush();
            }
            if (sourceRows.Count > 0) yield return Flush();
        }
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
