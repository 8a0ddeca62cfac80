using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;

namespace Detection.Evaluation.Operators;

/// <summary><c>print a = e, e2</c>: one row; unnamed expressions are print_0, print_1… by position (KQL-SEMANTICS §4).</summary>
internal static class PrintOperator
{
    public static Table Run(SyntaxNode op, QueryRunner runner, Scope scope)
    {
        var compiler = new ExprCompiler(runner, scope, QueryRunner.NoColumns);
        var columns = new List<(string Name, Expr Expr)>();
        var position = -1;
        foreach (var item in op.Nodes().Where(n => n.Kind != SyntaxKind.QueryParameter))
        {
            position++;
            if (item.Kind == SyntaxKind.NamedExpression)
                columns.Add((Naming.NameText(item.NodeAt(0)!), compiler.Compile(item.NodeAt(1)!)));
            else
                columns.Add((Naming.ExpressionName(item) ?? $"print_{position}", compiler.Compile(item)));
        }
        var one = new Chunk(1, []);
        var schema = new TableSymbol("print", columns.Select(c => new ColumnSymbol(c.Name, c.Expr.Type)));
        return new Table(schema, [new Chunk(1, columns.Select(c => c.Expr.Eval(one).ToColumn()).ToList())]);
    }
}
