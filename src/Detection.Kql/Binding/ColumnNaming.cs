using System.Runtime.CompilerServices;
using Detection.Kql.Functions;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

/// <summary>
/// Kusto's rules for the names of columns, shared by the binder (output schemas) and the evaluator (result columns)
/// so that the two can never disagree. Stateless and thread-safe.
/// </summary>
public static class ColumnNaming
{
    /// <summary>The text of a name node: a word, or the value of <c>['a b']</c>.</summary>
    public static string NameText(SyntaxNode name) => name.Kind switch
    {
        SyntaxKind.BracketedName => name.Tokens().FirstOrDefault(t => t.Kind == SyntaxKind.StringLiteral) is { } s ? StringLiterals.Value(s) : "",
        _ => name.FirstToken?.Text ?? "",
    };

    /// <summary>
    /// The column name Kusto gives an unnamed expression: a column's name, <c>a.b[0]</c> → <c>a_b_0</c>, a conversion
    /// or <c>bin</c> call → its first argument's name; null when the expression has none.
    /// </summary>
    public static string? ExpressionName(SyntaxNode expression)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (expression.Kind)
        {
            case SyntaxKind.NameReference:
                return expression.FirstToken!.Text.StartsWith('$') ? null : expression.FirstToken!.Text;
            case SyntaxKind.BracketedName:
                return NameText(expression);
            case SyntaxKind.MemberAccess:
            {
                var left = expression.NodeAt(0)!;
                var member = NameText(expression.NodeAt(1)!);
                if (left.Kind == SyntaxKind.NameReference && left.FirstToken!.Text is "$left" or "$right") return member;
                return ExpressionName(left) is { } l ? $"{l}_{member}" : null;
            }
            case SyntaxKind.ElementAccess:
            {
                var left = ExpressionName(expression.NodeAt(0)!);
                var index = expression.NodeAt(1)!;
                var key = index.Kind switch
                {
                    SyntaxKind.StringLiteralExpression => StringLiterals.Value(index),
                    SyntaxKind.LiteralExpression => index.FirstToken!.Text,
                    SyntaxKind.UnaryExpression => index.ToString().Replace("-", "_", StringComparison.Ordinal),
                    _ => null,
                };
                return left is not null && key is not null ? $"{left}_{key}" : null;
            }
            case SyntaxKind.ParenthesizedExpression:
                return ExpressionName(expression.NodeAt(0)!);
            case SyntaxKind.CallExpression:
            {
                var function = Builtins.Scalar(expression.NodeAt(0)!.FirstToken!.Text);
                var first = Arguments(expression).FirstOrDefault();
                if (function is null || first is null) return function?.Name == "ingestion_time" ? "$IngestionTime" : null;
                // column_ifexists("Name", …) is named after the column it names; strlen(x) is strlen_x.
                // (only column_ifexists: a literal first argument names nothing else, split("a_b", "_") → print_0, split-function.md)
                if (first.Kind == SyntaxKind.StringLiteralExpression) return function.Name == "column_ifexists" ? StringLiterals.Value(first) : null;
                if (function.ResultPrefix is { } prefix) return ExpressionName(first) is { } n ? $"{prefix}_{n}" : null;
                return function.NamedAfterFirstArgument ? ExpressionName(first) : null;
            }
            default:
                return null;
        }
    }

    /// <summary>The argument expressions of a call, in order (named arguments as their values).</summary>
    public static List<SyntaxNode> Arguments(SyntaxNode call) =>
        call.Node(SyntaxKind.ArgumentList)?.Nodes().Select(a => a.Kind == SyntaxKind.NamedExpression ? a.NodeAt(1)! : a).ToList() ?? [];

    /// <summary>The name a call is made by (the first token of its callee).</summary>
    public static string FunctionName(SyntaxNode call) => call.NodeAt(0)!.FirstToken!.Text;

    /// <summary>A name not yet in <paramref name="taken"/>: the name itself, else name1, name2, … (Kusto's rule).</summary>
    public static string Unique(string name, ICollection<string> taken)
    {
        if (!taken.Contains(name)) return name;
        for (var i = 1; ; i++)
            if (!taken.Contains(name + i)) return name + i;
    }
}
