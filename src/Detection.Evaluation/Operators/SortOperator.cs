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
        var order = Order(keys, one.RowCount);
        var count = (int)Math.Min(limit, order.Length);
        for (var start = 0; start < count; start += ResultBuilder.ChunkRows)
            builder.AddChunk(one.Gather(order.AsSpan(start, Math.Min(ResultBuilder.ChunkRows, count - start))));
        return builder.Build();
    }

    /// <summary>
    /// The rows in sorted order; the row index breaks ties, so the unstable Array.Sort gives the stable order. A leading
    /// string key places the rows by rank first (a counting sort, stable), so only rows of one rank are compared.
    /// </summary>
    private static int[] Order(SortKey[] keys, int rowCount)
    {
        var order = new int[rowCount];
        if (keys[0].Ranks is not { } first)
        {
            for (var i = 0; i < order.Length; i++) order[i] = i;
            Array.Sort(order, Comparison(keys));
            return order;
        }
        var (ranks, count, descending) = first;
        int Bucket(int rank) => descending ? count - 1 - rank : rank;
        var starts = new int[count + 1];
        foreach (var rank in ranks) starts[Bucket(rank) + 1]++;
        for (var b = 0; b < count; b++) starts[b + 1] += starts[b];
        var next = (int[])starts.Clone();
        for (var row = 0; row < rowCount; row++) order[next[Bucket(ranks[row])]++] = row;
        if (keys.Length == 1) return order;
        var rest = Comparison(keys[1..]);
        for (var b = 0; b < count; b++)
            if (starts[b + 1] - starts[b] > 1) order.AsSpan(starts[b], starts[b + 1] - starts[b]).Sort(rest);
        return order;
    }

    private static Comparison<int> Comparison(SortKey[] keys) => (a, b) =>
    {
        foreach (var key in keys)
        {
            var c = key.Compare(a, b);
            if (c != 0) return c;
        }
        return a.CompareTo(b);
    };
}
