using Detection.Evaluation.Running;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>top N by e [asc|desc] [nulls first|last]</c>: the first N rows in that order (descending by default).</summary>
internal static class TopOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        var nodes = op.Nodes().Where(n => n.Kind is not SyntaxKind.QueryParameter).ToList();
        var count = TakeOperator.Count(nodes[0], runner, scope);
        return SortOperator.Sort(input, nodes.Skip(1).ToList(), runner, scope, count);
    }
}
