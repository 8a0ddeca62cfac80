using Detection.Kql.Diagnostics;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Kql.Binding;

public sealed partial class Binder
{
    private TypeSymbol BindBinary(SyntaxNode node)
    {
        var left = BindScalar(node.NodeAt(0)!);
        var right = BindScalar(node.NodeAt(1)!);
        var op = node.Tokens().First();
        var opText = string.Join(" ", node.Tokens().Select(t => t.Text));
        var opSpan = TextSpan.FromBounds(op.Start, node.Tokens().Last().Span.End);
        switch (op.Kind)
        {
            case SyntaxKind.Less or SyntaxKind.LessEqual or SyntaxKind.Greater or SyntaxKind.GreaterEqual:
                if (left.IsKnownScalar && right.IsKnownScalar && (Group(left.ScalarType) != Group(right.ScalarType) || Group(left.ScalarType) > 4))
                    Report(DiagnosticFactory.OperatorTypes(op.Span, op.Text, left.Display, right.Display));
                return TypeSymbol.Bool;
            case SyntaxKind.Identifier when op.Text is "and" or "or":
                if ((left.IsKnownScalar && left.ScalarType != KqlType.Bool) || (right.IsKnownScalar && right.ScalarType != KqlType.Bool))
                    Report(DiagnosticFactory.OperatorTypes(op.Span, op.Text, left.Display, right.Display));
                return TypeSymbol.Bool;
            case SyntaxKind.Identifier:
                // has, contains, startswith, matches regex…: defined on strings (dynamic values are converted).
                if ((left.IsKnownScalar && left.ScalarType != KqlType.String) || (right.IsKnownScalar && right.ScalarType != KqlType.String))
                    Report(DiagnosticFactory.OperatorTypes(opSpan, opText, left.Display, right.Display));
                return TypeSymbol.Bool;
            case SyntaxKind.Plus or SyntaxKind.Minus or SyntaxKind.Asterisk or SyntaxKind.Slash or SyntaxKind.Percent:
                return Arithmetic(op, left, right);
            default:
                // and, or, ==, !=, =~, !~, has, contains, matches regex…: Kusto accepts mixed operand types here.
                return TypeSymbol.Bool;
        }
    }

    /// <summary>Types that compare with each other by order.</summary>
    private static int Group(KqlType type) => type switch
    {
        KqlType.Int or KqlType.Long or KqlType.Real or KqlType.Decimal => 0,
        KqlType.DateTime => 1,
        KqlType.TimeSpan => 2,
        KqlType.Bool => 3,
        KqlType.String => 5,
        KqlType.Guid => 6,
        _ => 7,
    };

    private TypeSymbol Arithmetic(SyntaxToken op, TypeSymbol left, TypeSymbol right)
    {
        if (left.IsError || right.IsError) return TypeSymbol.Error;
        if (left.IsDynamic || right.IsDynamic) return TypeSymbol.Dynamic;
        var l = left.ScalarType;
        var r = right.ScalarType;
        KqlType? result = (op.Kind, l, r) switch
        {
            _ when l.IsNumeric() && r.IsNumeric() => Widest(l, r),
            (SyntaxKind.Minus, KqlType.DateTime, KqlType.DateTime) => KqlType.TimeSpan,
            (SyntaxKind.Plus or SyntaxKind.Minus, KqlType.DateTime, KqlType.TimeSpan) => KqlType.DateTime,
            (SyntaxKind.Plus, KqlType.TimeSpan, KqlType.DateTime) => KqlType.DateTime,
            (SyntaxKind.Plus or SyntaxKind.Minus or SyntaxKind.Percent, KqlType.TimeSpan, KqlType.TimeSpan) => KqlType.TimeSpan,
            (SyntaxKind.Slash, KqlType.TimeSpan, KqlType.TimeSpan) => KqlType.Real,
            (SyntaxKind.Asterisk or SyntaxKind.Slash, KqlType.TimeSpan, _) when r.IsNumeric() => KqlType.TimeSpan,
            (SyntaxKind.Asterisk, _, KqlType.TimeSpan) when l.IsNumeric() => KqlType.TimeSpan,
            _ => null,
        };
        if (result is { } type) return TypeSymbol.Of(type);
        Report(DiagnosticFactory.OperatorTypes(op.Span, op.Text, left.Display, right.Display));
        return TypeSymbol.Error;
    }

    private static KqlType Widest(KqlType a, KqlType b)
    {
        if (a == KqlType.Real || b == KqlType.Real) return KqlType.Real;
        if (a == KqlType.Decimal || b == KqlType.Decimal) return KqlType.Decimal;
        if (a == KqlType.Long || b == KqlType.Long) return KqlType.Long;
        return KqlType.Int;
    }

    /// <summary>
    /// The type of a value chosen among several (iff, case, coalesce): the shared type; numbers widen; dynamic gives way
    /// to a typed branch; otherwise unknown (so no follow-on error is reported).
    /// </summary>
    private static TypeSymbol Common(IEnumerable<TypeSymbol> types)
    {
        var known = types.Where(t => !t.IsError).ToList();
        if (known.Count == 0) return TypeSymbol.Error;
        var typed = known.Where(t => !t.IsDynamic).ToList();
        if (typed.Count == 0) return known[0];
        if (typed.All(t => t.ScalarType == typed[0].ScalarType)) return typed[0];
        if (typed.All(t => t.ScalarType.IsNumeric())) return TypeSymbol.Of(typed.Select(t => t.ScalarType).Aggregate(Widest));
        return TypeSymbol.Error;
    }
}
