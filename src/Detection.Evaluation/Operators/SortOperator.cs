using Detection.Evaluation.Expressions;
using Detection.Evaluation.Functions;
using Detection.Evaluation.Running;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>sort by e [asc|desc] [nulls first|last], …</c> (alias order): stable; descending by default; nulls last when
/// descending and first when ascending unless told otherwise.
/// </summary>
internal static class SortOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope) =>
        Sort(input, op.Nodes().Where(n => n.Kind is not SyntaxKind.QueryParameter).ToList(), runner, scope, long.MaxValue);

    public static Table Sort(Table input, IReadOnlyList<SyntaxNode> items, QueryRunner runner, Scope scope, long limit)
    {
        var compiler = new ExprCompiler(runner, scope, input.Schema);
        var keys = items.Select(item =>
        {
            var expr = compiler.Compile(item.Kind == SyntaxKind.SortItem ? item.NodeAt(0)! : item);
            var words = item.Tokens().Select(t => t.Text).ToList();
            var descending = !words.Contains("asc");
            var nullsFirst = words.Contains("nulls") ? words.Contains("first") : !descending;
            return (expr, descending, nullsFirst);
        }).ToList();

        var rows = new List<(object?[] Row, object?[] Keys)>();
        foreach (var chunk in input.Chunks)
        {
            var keyVectors = keys.Select(k => k.expr.Eval(chunk)).ToArray();
            var columns = chunk.Columns.Select(c => new Values.ColumnVector(c)).ToArray();
            for (var r = 0; r < chunk.RowCount; r++)
                rows.Add((columns.Select(c => c.Get(r)).ToArray(), keyVectors.Select(k => k.Get(r)).ToArray()));
        }
        var comparer = Comparer<(object?[] Row, object?[] Keys)>.Create((a, b) =>
        {
            for (var i = 0; i < keys.Count; i++)
            {
                var (_, descending, nullsFirst) = keys[i];
                var x = a.Keys[i];
                var y = b.Keys[i];
                if (x is null || y is null)
                {
                    if (x is null && y is null) continue;
                    return (x is null) == nullsFirst ? -1 : 1;
                }
                var c = ValueComparer.Instance.Compare(x, y);
                if (c != 0) return descending ? -c : c;
            }
            return 0;
        });
        var sorted = rows.Order(comparer);
        var builder = new ResultBuilder(input.Schema);
        foreach (var (row, _) in limit == long.MaxValue ? sorted : sorted.Take((int)Math.Min(limit, int.MaxValue))) builder.Add(row);
        return builder.Build();
    }
}
