using Detection.Evaluation.Running;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary><c>project</c>: the listed columns and computed expressions, in order. A projected column is shared, not copied.</summary>
internal static class ProjectOperator
{
    public static Table Run(SyntaxNode op, Table input, QueryRunner runner, Scope scope)
    {
        if (Functions.WindowFunctions.Uses(op)) input = ResultBuilder.OneChunk(input);
        var items = new List<(string Name, Expressions.Expr Expr)>();
        var counter = 0;
        foreach (var item in op.Nodes().Where(n => n.Kind != SyntaxKind.QueryParameter))
        {
            foreach (var (name, expr) in ExtendOperator.Items(item, runner, scope, input.Schema, ref counter))
            {
                var at = items.FindIndex(i => i.Name == name);
                if (at >= 0) items[at] = (name, expr);
                else items.Add((name, expr));
            }
        }
        if (items.Count == 0) throw new EvaluationException("project needs at least one column", op.Span);
        var schema = new TableSymbol(input.Schema.Name, items.Select(i => new ColumnSymbol(i.Name, i.Expr.Type)));
        var chunks = input.Chunks.Select(chunk => new Chunk(chunk.RowCount, items.Select(i => i.Expr.Eval(chunk).ToColumn()).ToList()));
        return new Table(schema, chunks);
    }
}
