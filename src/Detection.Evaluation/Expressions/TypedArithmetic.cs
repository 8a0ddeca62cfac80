using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Evaluation.Expressions;

/// <summary>
/// The whole-column forms of <see cref="Arithmetic"/> for reals, longs and ints, and for datetime and timespan
/// differences and sums: one typed loop, no boxing. The same results as <see cref="Arithmetic.Apply"/> value by value;
/// combinations not listed here (decimal, dynamic, timespan × number) keep the one-value form.
/// </summary>
internal static class TypedArithmetic
{
    public static Expr? TryCompile(SyntaxKind op, KqlType type, Expr left, Expr right)
    {
        Func<Vector, Vector, Vector>? apply = (type, left.Type, right.Type) switch
        {
            (KqlType.Real, var l, var r) when Numeric.IsNumber(l) && Numeric.IsNumber(r) => (a, b) => Reals(op, a, b),
            (KqlType.Long or KqlType.Int, var l, var r) when Numeric.IsNumber(l) && Numeric.IsNumber(r) => (a, b) => Integers(op, type, a, b),
            (KqlType.TimeSpan, KqlType.DateTime, KqlType.DateTime) => (a, b) => TimeSpans(Difference(op, a, b)),
            (KqlType.TimeSpan, KqlType.TimeSpan, KqlType.TimeSpan) when op is SyntaxKind.Plus or SyntaxKind.Minus => (a, b) => TimeSpans(Difference(op, a, b)),
            (KqlType.Real, KqlType.TimeSpan, KqlType.TimeSpan) when op == SyntaxKind.Slash => Ratio,
            (KqlType.DateTime, KqlType.DateTime, KqlType.TimeSpan) => (a, b) => Shift(op == SyntaxKind.Minus ? -1 : 1, a, b),
            (KqlType.DateTime, KqlType.TimeSpan, KqlType.DateTime) when op == SyntaxKind.Plus => (a, b) => Shift(1, b, a),
            _ => null,
        };
        if (apply is null) return null;
        return new VectorExpr(type, [left, right], (v, _) => apply(v[0], v[1]));
    }

    private static Vector Reals(SyntaxKind op, Vector left, Vector right)
    {
        var (a, an) = Numeric.Doubles(left);
        var (b, bn) = Numeric.Doubles(right);
        var result = new double[a.Length];
        switch (op)
        {
            case SyntaxKind.Plus: for (var i = 0; i < result.Length; i++) result[i] = a[i] + b[i]; break;
            case SyntaxKind.Minus: for (var i = 0; i < result.Length; i++) result[i] = a[i] - b[i]; break;
            case SyntaxKind.Asterisk: for (var i = 0; i < result.Length; i++) result[i] = a[i] * b[i]; break;
            case SyntaxKind.Slash: for (var i = 0; i < result.Length; i++) result[i] = a[i] / b[i]; break;
            default:
                for (var i = 0; i < result.Length; i++)
                    result[i] = b[i] == 0 ? double.NaN : ((a[i] % b[i]) + Math.Abs(b[i])) % Math.Abs(b[i]);
                break;
        }
        return new PrimitiveVector<double>(KqlType.Real, result, Numeric.Either(an, bn));
    }

    /// <summary>long (or int op int, wrapped to 32 bits as toint() does); integer division truncates; x / 0 and x % 0 are null.</summary>
    private static Vector Integers(SyntaxKind op, KqlType type, Vector left, Vector right)
    {
        var (a, an) = Numeric.Longs(left);
        var (b, bn) = Numeric.Longs(right);
        var result = new long[a.Length];
        var nulls = Numeric.Either(an, bn);
        for (var i = 0; i < result.Length; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            long x = a[i], y = b[i];
            if (op is SyntaxKind.Slash or SyntaxKind.Percent && y == 0)
            {
                (nulls ??= new bool[result.Length])[i] = true;
                continue;
            }
            result[i] = op switch
            {
                SyntaxKind.Plus => unchecked(x + y),
                SyntaxKind.Minus => unchecked(x - y),
                SyntaxKind.Asterisk => unchecked(x * y),
                SyntaxKind.Slash => x / y,
                _ => ((x % Math.Abs(y)) + Math.Abs(y)) % Math.Abs(y),
            };
        }
        if (type == KqlType.Long) return new PrimitiveVector<long>(KqlType.Long, result, nulls);
        return new PrimitiveVector<int>(KqlType.Int, Array.ConvertAll(result, l => unchecked((int)l)), nulls);
    }

    /// <summary>datetime − datetime, timespan ± timespan: ticks.</summary>
    private static Typed<long> Difference(SyntaxKind op, Vector left, Vector right)
    {
        var (a, an) = Numeric.Ticks(left);
        var (b, bn) = Numeric.Ticks(right);
        var result = new long[a.Length];
        var sign = op == SyntaxKind.Minus ? -1 : 1;
        for (var i = 0; i < result.Length; i++) result[i] = a[i] + sign * b[i];
        return new(result, Numeric.Either(an, bn));
    }

    private static Vector TimeSpans(Typed<long> ticks) =>
        new PrimitiveVector<TimeSpan>(KqlType.TimeSpan, Array.ConvertAll(ticks.Values, TimeSpan.FromTicks), ticks.Nulls);

    /// <summary>timespan / timespan → real; a zero divisor gives null.</summary>
    private static Vector Ratio(Vector left, Vector right)
    {
        var (a, an) = Numeric.Ticks(left);
        var (b, bn) = Numeric.Ticks(right);
        var result = new double[a.Length];
        var nulls = Numeric.Either(an, bn);
        for (var i = 0; i < result.Length; i++)
        {
            if (b[i] == 0) (nulls ??= new bool[result.Length])[i] = true;
            else result[i] = (double)a[i] / b[i];
        }
        return new PrimitiveVector<double>(KqlType.Real, result, nulls);
    }

    /// <summary>datetime ± timespan; a result outside the datetime range is null.</summary>
    private static Vector Shift(int sign, Vector time, Vector span)
    {
        var (a, an) = Numeric.Ticks(time);
        var (b, bn) = Numeric.Ticks(span);
        var result = new DateTime[a.Length];
        var nulls = Numeric.Either(an, bn);
        for (var i = 0; i < result.Length; i++)
        {
            if (nulls is not null && nulls[i]) continue;
            var ticks = (Int128)a[i] + sign * (Int128)b[i];
            if (ticks < 0 || ticks > DateTime.MaxValue.Ticks) (nulls ??= new bool[result.Length])[i] = true;
            else result[i] = new DateTime((long)ticks, DateTimeKind.Utc);
        }
        return new PrimitiveVector<DateTime>(KqlType.DateTime, result, nulls);
    }
}
