using Detection.Kql.Diagnostics;
using Detection.Kql.Functions;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    /// <summary>The text of a name node: a word, or the value of <c>['a b']</c>.</summary>
    internal static string NameText(SyntaxNode name) => name.Kind switch
    {
        SyntaxKind.BracketedName => name.Tokens().FirstOrDefault(t => t.Kind == SyntaxKind.StringLiteral) is { } s ? StringLiterals.Value(s) : "",
        _ => name.FirstToken?.Text ?? "",
    };

    /// <summary>
    /// The column name Kusto gives an unnamed expression: a column's name, <c>a.b[0]</c> → <c>a_b_0</c>, a conversion
    /// or <c>bin</c> call → its first argument's name; null when the expression has none.
    /// </summary>
    internal static string? ExpressionName(SyntaxNode expression)
    {
        EnsureStack();
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
                if (first.Kind == SyntaxKind.StringLiteralExpression && function.NamedAfterFirstArgument) return StringLiterals.Value(first);
                if (function.ResultPrefix is { } prefix) return ExpressionName(first) is { } n ? $"{prefix}_{n}" : null;
                return function.NamedAfterFirstArgument ? ExpressionName(first) : null;
            }
            default:
                return null;
        }
    }

    /// <summary>The argument expressions of a call, in order (named arguments as their values).</summary>
    internal static List<SyntaxNode> Arguments(SyntaxNode call) =>
        call.Node(SyntaxKind.ArgumentList)?.Nodes().Select(a => a.Kind == SyntaxKind.NamedExpression ? a.NodeAt(1)! : a).ToList() ?? [];

    /// <summary>Resolves a plain name: a column of the current row, then a let name or parameter, then a table.</summary>
    private TypeSymbol BindName(SyntaxNode node, bool expectTable)
    {
        var name = NameText(node);
        if (node.FirstToken is { IsMissing: true }) return TypeSymbol.Error;
        if (!expectTable && _row?.Find(name) is { } column) return column.Type;
        switch (_scope.Lookup(name))
        {
            case VariableSymbol variable:
                return variable.Type;
            case UserFunctionSymbol function when function.Parameters.All(p => p.HasDefault):
                return BindFunctionBodySilently(function, []);
        }
        if (expectTable && _row?.Find(name) is { } col) return col.Type;
        if (_schemas.Table(name) is { } table) return TypeSymbol.TableOf(TableShape.From(table));
        if (Builtins.IsSentinelFunction(name))
        {
            Report(DiagnosticFactory.SentinelFunction(node.Span, name));
            return TypeSymbol.TableOf(TableShape.Open);
        }
        if (_row is { IsOpen: true } && !expectTable) return TypeSymbol.Dynamic;
        if (name.Length == 0) return TypeSymbol.Error;
        if (!expectTable && Builtins.Scalar(name) is not null)
        {
            Report(DiagnosticFactory.ArgumentList(node.Span, name));
            return TypeSymbol.Error;
        }
        Report(expectTable ? DiagnosticFactory.TableUnknown(node.Span, name) : DiagnosticFactory.NameUnknown(node.Span, name));
        return TypeSymbol.Error;
    }

    private TypeSymbol BindFunctionBodySilently(UserFunctionSymbol function, IReadOnlyList<TypeSymbol> arguments, IReadOnlyList<string?>? constants = null)
    {
        _suppress++;
        try { return BindFunctionBody(function, arguments, constants); }
        finally { _suppress--; }
    }
}
