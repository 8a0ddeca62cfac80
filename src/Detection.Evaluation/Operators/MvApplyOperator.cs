using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>mv-apply [with_itemindex=I] [Name =] expr [to typeof(T)], … [limit N] on (subquery)</c> (mv-apply-operator.md):
/// each input row is expanded as by mv-expand into a subtable, the subquery runs on it, and the row's other columns
/// are added back; the results are unioned. A row whose subquery returns no rows disappears.
/// Output columns: the input's (as the subquery left them), then the subquery's new ones — the binder's shape.
/// </summary>
internal static class MvApplyOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var body = op.Node(SyntaxKind.OnClause)?.Node(SyntaxKind.ParenthesizedExpression)?.NodeAt(0)
                   ?? throw new EvaluationException("mv-apply needs 'on (subquery)'", op.Span);
        var expansion = MvExpandOperator.Compile(op, input.Schema, runner, scope);
        var empty = Table.Empty(expansion.Schema);
        // The shapes, from an empty run (so an empty input still has the right columns).
        var shape = Subquery(body, empty, runner, scope).Schema;
        var columns = input.Schema.Columns.Select(c => shape.Column(c.Name) ?? c).ToList();
        var inputNames = input.Schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        columns.AddRange(shape.Columns.Where(c => !inputNames.Contains(c.Name)));
        var fromResult = columns.Select(c => shape.IndexOf(c.Name)).ToArray();
        var builder = new ResultBuilder(new TableSymbol(input.Schema.Name, columns));
        // Result rows are kept as columns (the subquery's gathered ones share the input's dictionaries) and concatenated
        // per input chunk: nothing is boxed unless a column's type differs from the output's.
        var parts = new List<Chunk>();
        var partRows = 0;
        void Flush()
        {
            if (parts.Count > 0) builder.AddChunk(ChunkConcat.Concat(builder.Schema, parts));
            parts.Clear();
            partRows = 0;
        }
        foreach (var chunk in input.Chunks)
        {
            var stored = chunk.Columns.Select(c => new ColumnVector(c)).ToArray();
            // The chunk is expanded once (each distinct array once); each row's subquery reads its own slice of that.
            var row = 0;
            foreach (var (expanded, sourceRows) in expansion.Expand(chunk))
            {
                for (var start = 0; start < sourceRows.Length;)
                {
                    var end = start;
                    while (end < sourceRows.Length && sourceRows[end] == sourceRows[start]) end++;
                    // Rows before this one expanded to nothing: their subqueries run over no rows (summarize may still answer).
                    for (; row < sourceRows[start]; row++) Apply(chunk, stored, row, empty);
                    Apply(chunk, stored, row++, new Table(expansion.Schema, [expanded.Gather(Enumerable.Range(start, end - start).ToArray())]));
                    start = end;
                }
            }
            for (; row < chunk.RowCount; row++) Apply(chunk, stored, row, empty);
            // Parts of one input chunk share its dictionaries, so concatenating them copies codes only; mixing chunks
            // would re-intern every value (and decompress AuditLogs' compressed JSON columns value by value).
            Flush();
        }
        void Apply(Chunk chunk, ColumnVector[] stored, int row, Table rows)
        {
            var result = Subquery(body, rows, runner, scope);
            foreach (var part in result.Chunks)
            {
                var output = new Column[columns.Count];
                for (var c = 0; c < columns.Count; c++)
                    output[c] = fromResult[c] >= 0 ? part.Columns[fromResult[c]] : ColumnFactory.Gather(chunk.Columns[c], Enumerable.Repeat(row, part.RowCount).ToArray());
                if (output.Select((column, c) => column.Type == columns[c].Type).All(same => same))
                {
                    parts.Add(new Chunk(part.RowCount, output));
                    partRows += part.RowCount;
                    if (partRows >= ResultBuilder.ChunkRows) Flush();
                    continue;
                }
                Flush();
                foreach (var values in ResultBuilder.Rows(new Table(result.Schema, [part])))
                {
                    var boxed = new object?[columns.Count];
                    for (var c = 0; c < columns.Count; c++)
                        boxed[c] = fromResult[c] >= 0 ? values[fromResult[c]] : stored[c].Get(row);
                    builder.Add(boxed);
                }
            }
        }
        Flush();
        return builder.Build();
    }

    /// <summary>Runs a pipeline whose first operator reads <paramref name="input"/> implicitly.</summary>
    public static Table Subquery(SyntaxNode body, Table input, QueryRunner runner, Scope scope)
    {
        if (body.Kind == SyntaxKind.PipeExpression)
            return runner.Apply(body.NodeAt(1)!, Subquery(body.NodeAt(0)!, input, runner, scope), scope);
        return runner.IsTabular(body, scope) ? runner.Tabular(body, scope) : runner.Apply(body, input, scope);
    }
}
