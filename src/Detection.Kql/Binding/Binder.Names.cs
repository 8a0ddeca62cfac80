using Detection.Kql.Diagnostics;
using Detection.Kql.Functions;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    internal static string NameText(SyntaxNode name) => ColumnNaming.NameText(name);

    internal static string? ExpressionName(SyntaxNode expression) => ColumnNaming.ExpressionName(expression);

    internal static List<SyntaxNode> Arguments(SyntaxNode call) => ColumnNaming.Arguments(call);

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
