using Detection.Kql.Binding;
using Detection.Kql.Syntax;

namespace Detection.Evaluation.Expressions;

/// <summary>
/// Kusto's names for columns: the front end's <see cref="ColumnNaming"/> (so the evaluator's result columns are the
/// binder's output schema), plus the evaluator's own lookups of operator parameters.
/// </summary>
internal static class Naming
{
    public static string NameText(SyntaxNode name) => ColumnNaming.NameText(name);

    public static string? ExpressionName(SyntaxNode expression) => ColumnNaming.ExpressionName(expression);

    public static string FunctionName(SyntaxNode call) => ColumnNaming.FunctionName(call);

    public static List<SyntaxNode> Arguments(SyntaxNode call) => ColumnNaming.Arguments(call);

    public static string Unique(string name, ICollection<string> taken) => ColumnNaming.Unique(name, taken);

    /// <summary>The value of an operator parameter such as <c>kind=inner</c>, or null.</summary>
    public static string? Parameter(SyntaxNode op, string name) =>
        op.Nodes().Where(n => n.Kind == SyntaxKind.QueryParameter && n.FirstToken!.Text == name)
            .Select(n => n.Nodes().LastOrDefault()?.ToString())
            .FirstOrDefault();
}
