using Detection.Kql.Diagnostics;
using Detection.Kql.Functions;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    private static readonly TableShape WatchlistShape = new(
    [
        new BoundColumn("SearchKey", TypeSymbol.String), new BoundColumn("_DTItemId", TypeSymbol.String),
        new BoundColumn("LastUpdatedTimeUTC", TypeSymbol.Of(KqlType.DateTime)), new BoundColumn("WatchlistItem", TypeSymbol.Dynamic),
    ]);

    private TypeSymbol BindCall(SyntaxNode call)
    {
        var nameNode = call.NodeAt(0)!;
        var name = nameNode.FirstToken!.Text;
        var args = Arguments(call);

        if (_scope.Lookup(name) is UserFunctionSymbol user)
        {
            var types = args.Select(a => BindTabularOrScalar(a, expectTable: false)).ToList();
            if (types.Count > user.Parameters.Count || types.Count < user.Parameters.Count(p => !p.HasDefault))
                Report(DiagnosticFactory.ArgumentCount(nameNode.Span, name, $"{user.Parameters.Count} argument(s)", types.Count));
            var constants = args.Select(ConstantString).ToList();
            return BindFunctionBodySilently(user, types, constants);
        }
        if (name is "table" or "toscalar" or "materialize" or "column_ifexists" or "columnifexists")
            foreach (var star in args.Where(a => a.Kind == SyntaxKind.StarExpression))
                Report(DiagnosticFactory.Star(star.Span, name));
        switch (name)
        {
            case "table":
                return BindTableCall(args);
            case "toscalar":
            {
                var inner = args.Count > 0 ? BindTabularOrScalar(args[0], expectTable: false) : TypeSymbol.Error;
                if (!inner.IsTabular) return inner;
                return inner.Table!.Columns.Count > 0 ? inner.Table.Columns[0].Type : TypeSymbol.Dynamic;
            }
            case "materialize":
                return args.Count > 0 ? BindTabularOrScalar(args[0], expectTable: true) : TypeSymbol.Error;
            case "column_ifexists" or "columnifexists":
                return BindColumnIfExists(nameNode, args);
            case "_GetWatchlist":
                foreach (var a in args) BindScalar(a);
                Report(DiagnosticFactory.SentinelFunction(nameNode.Span, name));
                return TypeSymbol.TableOf(WatchlistShape);
        }
        if (Builtins.IsSentinelFunction(name))
        {
            foreach (var a in args) BindScalar(a);
            Report(DiagnosticFactory.SentinelFunction(nameNode.Span, name));
            return TypeSymbol.TableOf(TableShape.Open);
        }
        var signature = _inAggregation
            ? Builtins.Aggregate(name) ?? Builtins.Scalar(name)
            : Builtins.Scalar(name) ?? Builtins.Aggregate(name);
        if (signature is null)
        {
            Report(DiagnosticFactory.FunctionUnknown(nameNode.Span, name));
            foreach (var a in args) BindTabularOrScalar(a, expectTable: false);
            return TypeSymbol.Error;
        }
        return BindBuiltin(signature, nameNode, args);
    }

    private static readonly HashSet<string> StarFunctions = new(StringComparer.Ordinal) { "arg_max", "arg_min", "take_any", "any", "pack_all" };

    private TypeSymbol BindBuiltin(FunctionSignature signature, SyntaxNode nameNode, List<SyntaxNode> args)
    {
        foreach (var star in args.Where(a => a.Kind == SyntaxKind.StarExpression))
            if (!StarFunctions.Contains(signature.Name)) Report(DiagnosticFactory.Star(star.Span, signature.Name));
        if (signature.Kind == FunctionKind.Aggregate && !_inAggregation && Builtins.Scalar(signature.Name) is null)
            Report(DiagnosticFactory.Aggregate(nameNode.Span, signature.Name));
        var wasAggregation = _inAggregation;
        // Arguments of an aggregate are row expressions: nested aggregates are not expected there.
        if (signature.Kind == FunctionKind.Aggregate) _inAggregation = false;
        var types = new List<TypeSymbol>(args.Count);
        try
        {
            foreach (var arg in args)
            {
                if (arg.Kind == SyntaxKind.StarExpression) types.Add(TypeSymbol.Error);
                else if (arg.Kind == SyntaxKind.TypeofExpression) types.Add(BindExpression(arg));
                else types.Add(BindTabularOrScalar(arg, expectTable: false));
            }
        }
        finally { _inAggregation = wasAggregation; }

        if (args.Count < signature.MinArguments || args.Count > signature.MaxArguments)
        {
            Report(DiagnosticFactory.ArgumentCount(nameNode.Span, signature.Name, signature.ArityText(), args.Count));
            return TypeSymbol.Error;
        }
        for (var i = 0; i < args.Count; i++) CheckArgument(signature.ParameterAt(i), args[i], types[i]);
        return ReturnType(signature, args, types);
    }

    private void CheckArgument(FunctionParameter? parameter, SyntaxNode arg, TypeSymbol type)
    {
        if (parameter is null || type.IsError) return;
        switch (parameter.Kind)
        {
            case ParameterKind.Bool when type.IsKnownScalar && type.ScalarType != KqlType.Bool:
                Report(DiagnosticFactory.ArgumentType(arg.Span, "bool", type.Display));
                break;
            case ParameterKind.TimeSpan when type.IsKnownScalar && type.ScalarType != KqlType.TimeSpan:
                Report(DiagnosticFactory.ArgumentType(arg.Span, "timespan", type.Display));
                break;
            case ParameterKind.DateTime when type.IsKnownScalar && type.ScalarType != KqlType.DateTime:
                Report(DiagnosticFactory.ArgumentType(arg.Span, "datetime", type.Display));
                break;
            case ParameterKind.StrictString when type.IsKnownScalar && type.ScalarType != KqlType.String:
                Report(DiagnosticFactory.ArgumentType(arg.Span, "string", type.Display));
                break;
            case ParameterKind.StringOrDynamic when type.IsKnownScalar && type.ScalarType != KqlType.String:
                Report(DiagnosticFactory.ExpressionType(arg.Span, "string or dynamic", type.Display));
                break;
            case ParameterKind.DynamicArray when type.IsKnownScalar:
                Report(DiagnosticFactory.DynamicArray(arg.Span, type.Display));
                break;
            case ParameterKind.Tabular or ParameterKind.Any or ParameterKind.String or ParameterKind.Number
                or ParameterKind.Dynamic or ParameterKind.Type:
                if (type.IsTabular && parameter.Kind != ParameterKind.Tabular) Report(DiagnosticFactory.Scalar(arg.Span));
                break;
        }
    }

    private static TypeSymbol ReturnType(FunctionSignature signature, List<SyntaxNode> args, List<TypeSymbol> types)
    {
        TypeSymbol Arg(int i) => i < types.Count ? types[i] : TypeSymbol.Dynamic;
        var rule = signature.Returns;
        switch (rule)
        {
            case "array": return TypeSymbol.ArrayOf(null);
            case "bag": return TypeSymbol.Bag;
            case "arg0": return Arg(0);
            case "arg1": return Arg(1);
            case "array(arg0)": return TypeSymbol.ArrayOf(Arg(0).IsKnownScalar ? Arg(0) : null);
            case "common1": return Common(types.Skip(1));
            case "commonall": return Common(types);
            case "case": return Common(types.Where((_, i) => i % 2 == 1 || i == types.Count - 1));
            case "sum": return Arg(0).IsKnownScalar && Arg(0).ScalarType == KqlType.Int ? TypeSymbol.Long : Arg(0);
            case "typeof":
                return args.Count > 0 && args[^1].Kind == SyntaxKind.TypeofExpression && TypeofArgument(args[^1]) is { } t
                    ? TypeSymbol.Of(t) : TypeSymbol.String;
        }
        if (rule.StartsWith("tuple:", StringComparison.Ordinal)) return TypeSymbol.Dynamic;
        if (rule.StartsWith("array(", StringComparison.Ordinal))
            return TypeSymbol.ArrayOf(TypeSymbol.Of(KqlTypeNames.Parse(rule[6..^1])));
        return TypeSymbol.Of(KqlTypeNames.Parse(rule));
    }

    private void CheckTypeName(SyntaxToken? token)
    {
        if (token is { IsMissing: false } && !KqlTypeNames.TryParse(token.Text, out _)) Report(DiagnosticFactory.TypeUnknown(token.Span, token.Text));
    }

    internal static KqlType? TypeofArgument(SyntaxNode typeofExpression)
    {
        var token = typeofExpression.Tokens().Skip(1).FirstOrDefault(t => t.Kind == SyntaxKind.Identifier);
        return token is not null && KqlTypeNames.TryParse(token.Text, out var t) ? t : null;
    }

    private TypeSymbol BindTableCall(List<SyntaxNode> args)
    {
        if (args.Count == 0) return TypeSymbol.TableOf(TableShape.Open);
        BindScalar(args[0]);
        if (ConstantString(args[0]) is not { } name) return TypeSymbol.TableOf(TableShape.Open);
        if (_scope.Lookup(name) is VariableSymbol { Type.IsTabular: true } variable) return variable.Type;
        if (_schemas.Table(name) is { } table) return TypeSymbol.TableOf(TableShape.From(table));
        Report(DiagnosticFactory.TableUnknown(args[0].Span, name));
        return TypeSymbol.Error;
    }

    /// <summary>The value of a string literal, or of a name bound to a known constant string; else null.</summary>
    private string? ConstantString(SyntaxNode node) => node.Kind switch
    {
        SyntaxKind.StringLiteralExpression => StringLiterals.Value(node),
        SyntaxKind.NameReference => (_scope.Lookup(NameText(node)) as VariableSymbol)?.Constant,
        SyntaxKind.ParenthesizedExpression => ConstantString(node.NodeAt(0)!),
        _ => null,
    };

    private TypeSymbol BindColumnIfExists(SyntaxNode nameNode, List<SyntaxNode> args)
    {
        if (args.Count != 2)
        {
            Report(DiagnosticFactory.ArgumentCount(nameNode.Span, nameNode.FirstToken!.Text, "2 arguments", args.Count));
            return TypeSymbol.Error;
        }
        // Kusto types the call by its default, whether or not the column exists.
        BindScalar(args[0]);
        return BindScalar(args[1]);
    }
}
