using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>sort by e [asc|desc] [nulls first|last], …</c> (alias order): stable; descending by default; nulls last when
/// descending and first when ascending unless told otherwise. The input is joined into one chunk (no boxing), the keys
/// are compared typed (<see cref="SortKey"/>), and the sorted rows are gathered column by column.
/// </summary>
internal static class SortOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope) =>
        Sort(input, op.Nodes().Where(n => n.Kind is not SyntaxKind.QueryParameter).ToList(), runner, scope, long.MaxValue);

    public static Table Sort(Table input, IReadOnlyList<SyntaxNode> items, QueryRunner runner, Scope scope, long limit)
    {
        var compiler = new ExprCompiler(runner, scope, input.Schema);
        var compiled = items.Select(item =>
        {
            var expr = compiler.Compile(item.Kind == SyntaxKind.SortItem ? item.NodeAt(0)! : item);
            var words = item.Tokens().Select(t => t.Text).ToList();
            var descending = !words.Contains("asc");
            var nullsFirst = words.Contains("nulls") ? words.Contains("first") : !descending;
            return (expr, descending, nullsFirst);
        }).ToList();

        var builder = new ResultBuilder(input.Schema);
        if (input.RowCount == 0 || limit <= 0) return builder.Build();
        var one = ChunkConcat.Concat(input.Schema, input.Chunks);
        var keys = compiled.Select(k => SortKey.Of(k.expr.Eval(one), k.descending, k.nullsFirst)).ToArray();
        var order = new int[one.RowCount];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        // The row index breaks ties, so the unstable Array.Sort gives the stable order.
        Array.Sort(order, (a, b) =>
        {
            foreach (var key in keys)
            {
                var c = key.Compare(a, b);
                if (c != 0) return c;
            }
            return a.CompareTo(b);
        });
        var count = (int)Math.Min(limit, order.Length);
        for (var start = 0; start < count; start += ResultBuilder.ChunkRows)
            builder.AddChunk(one.Gather(order.AsSpan(start, Math.Min(ResultBuilder.ChunkRows, count - start))));
        return builder.Build();
    }
}
