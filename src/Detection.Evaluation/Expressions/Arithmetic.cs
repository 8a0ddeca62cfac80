using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Evaluation.Expressions;

/// <summary>
/// + - * / % with KQL's result types (numerical-operators.md, datetime-timespan-arithmetic.md): real if either side is
/// real, else decimal, else long, and int op int → int as Kusto.Language and our binder type it (the page says long;
/// the result columns follow what validation reports; computed in 64 bits, then wrapped to 32 as toint() does);
/// datetime − datetime → timespan; timespan / timespan → real;
/// number × timespan → timespan; integer division truncates; % is in [0, |d|). Nulls propagate; x / 0 on integers is null.
/// </summary>
internal static class Arithmetic
{
    public static Expr Compile(SyntaxToken op, Expr left, Expr right)
    {
        var type = ResultType(op.Kind, left.Type, right.Type)
                   ?? throw new EvaluationException($"operator {op.Text} is not defined for {left.Type.Name()} and {right.Type.Name()}", op.Span);
        var kind = op.Kind;
        if (!(left.IsConstant && right.IsConstant) && TypedArithmetic.TryCompile(kind, type, left, right) is { } typed) return typed;
        return new MapExpr(type, [left, right], v =>
        {
            var a = Dyn.Unwrap(v[0]);
            var b = Dyn.Unwrap(v[1]);
            if (a is null || b is null) return null;
            var result = Apply(kind, a, b);
            return type == KqlType.Dynamic ? Dyn.From(result) : result;
        });
    }

    public static KqlType? ResultType(SyntaxKind op, KqlType l, KqlType r)
    {
        if (l == KqlType.Dynamic || r == KqlType.Dynamic) return KqlType.Dynamic;
        if (l.IsNumeric() && r.IsNumeric())
            return l == KqlType.Real || r == KqlType.Real ? KqlType.Real
                : l == KqlType.Decimal || r == KqlType.Decimal ? KqlType.Decimal
                : l == KqlType.Int && r == KqlType.Int ? KqlType.Int
                : KqlType.Long;
        return (op, l, r) switch
        {
            (SyntaxKind.Minus, KqlType.DateTime, KqlType.DateTime) => KqlType.TimeSpan,
            (SyntaxKind.Plus or SyntaxKind.Minus, KqlType.DateTime, KqlType.TimeSpan) => KqlType.DateTime,
            (SyntaxKind.Plus, KqlType.TimeSpan, KqlType.DateTime) => KqlType.DateTime,
            (SyntaxKind.Plus or SyntaxKind.Minus or SyntaxKind.Percent, KqlType.TimeSpan, KqlType.TimeSpan) => KqlType.TimeSpan,
            (SyntaxKind.Slash, KqlType.TimeSpan, KqlType.TimeSpan) => KqlType.Real,
            (SyntaxKind.Asterisk or SyntaxKind.Slash, KqlType.TimeSpan, _) when r.IsNumeric() => KqlType.TimeSpan,
            (SyntaxKind.Asterisk, _, KqlType.TimeSpan) when l.IsNumeric() => KqlType.TimeSpan,
            _ => null,
        };
    }

    public static object? Apply(SyntaxKind op, object a, object b)
    {
        switch (a, b)
        {
            case (DateTime x, DateTime y) when op == SyntaxKind.Minus: return x - y;
            case (DateTime x, TimeSpan y): return Safe(() => op == SyntaxKind.Plus ? x + y : x - y);
            case (TimeSpan x, DateTime y): return Safe(() => y + x);
            case (TimeSpan x, TimeSpan y):
                return op switch
                {
                    SyntaxKind.Plus => x + y,
                    SyntaxKind.Minus => x - y,
                    SyntaxKind.Slash => y.Ticks == 0 ? null : (double)x.Ticks / y.Ticks,
                    SyntaxKind.Percent => y.Ticks == 0 ? null : TimeSpan.FromTicks(Mod(x.Ticks, y.Ticks)),
                    _ => null,
                };
            case (TimeSpan x, _) when Kv.IsNumber(b):
                var factor = Kv.ToDouble(b);
                if (op == SyntaxKind.Slash) return factor == 0 ? null : TimeSpan.FromTicks((long)(x.Ticks / factor));
                return TimeSpan.FromTicks((long)(x.Ticks * factor));
            case (_, TimeSpan y) when Kv.IsNumber(a): return TimeSpan.FromTicks((long)(y.Ticks * Kv.ToDouble(a)));
        }
        if (!Kv.IsNumber(a) || !Kv.IsNumber(b)) return null;
        if (a is double || b is double)
        {
            var x = Kv.ToDouble(a);
            var y = Kv.ToDouble(b);
            return op switch
            {
                SyntaxKind.Plus => x + y,
                SyntaxKind.Minus => x - y,
                SyntaxKind.Asterisk => x * y,
                SyntaxKind.Slash => x / y,
                _ => y == 0 ? double.NaN : ((x % y) + Math.Abs(y)) % Math.Abs(y),
            };
        }
        if (a is decimal || b is decimal)
        {
            var x = Kv.ToDecimal(a)!.Value;
            var y = Kv.ToDecimal(b)!.Value;
            if (op is SyntaxKind.Slash or SyntaxKind.Percent && y == 0) return null;
            return op switch
            {
                SyntaxKind.Plus => x + y,
                SyntaxKind.Minus => x - y,
                SyntaxKind.Asterisk => x * y,
                SyntaxKind.Slash => x / y,
                _ => ((x % y) + Math.Abs(y)) % Math.Abs(y),
            };
        }
        var l = Convert.ToInt64(a);
        var m = Convert.ToInt64(b);
        return op switch
        {
            SyntaxKind.Plus => unchecked(l + m),
            SyntaxKind.Minus => unchecked(l - m),
            SyntaxKind.Asterisk => unchecked(l * m),
            SyntaxKind.Slash => m == 0 ? null : l / m,
            _ => m == 0 ? null : Mod(l, m),
        };
    }

    private static long Mod(long x, long d)
    {
        var abs = Math.Abs(d);
        return ((x % abs) + abs) % abs;
    }

    private static object? Safe(Func<DateTime> f)
    {
        try { return f(); }
        catch (ArgumentOutOfRangeException) { return null; }
    }
}
