using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> Numbers() =>
    [
        F("abs", a => a[0], a => a[0] switch { long l => Math.Abs(l), int i => Math.Abs(i), double d => Math.Abs(d), decimal m => Math.Abs(m), TimeSpan t => t.Duration(), _ => null }),
        new("round", a => a[0] == KqlType.Real ? KqlType.Real : a[0], a => Round(a[0], Kv.ToLong(Arg(a, 1)) ?? 0), RoundColumn),
        F("ceiling", a => a[0], a => a[0] switch { double d => Math.Ceiling(d), decimal m => Math.Ceiling(m), long or int => a[0], _ => null }),
        F("sign", a => a[0], a => a[0] switch { double d => (double)Math.Sign(d), long l => (long)Math.Sign(l), int i => Math.Sign(i), decimal m => (decimal)Math.Sign(m), _ => null }),
        Real("exp", Math.Exp), Real("exp2", x => Math.Pow(2, x)), Real("exp10", x => Math.Pow(10, x)),
        Real("log", Math.Log), Real("log2", Math.Log2), Real("log10", Math.Log10), Real("sqrt", Math.Sqrt),
        new("pow", _ => KqlType.Real, a => Kv.ToReal(a[0]) is { } x && Kv.ToReal(a[1]) is { } y ? Math.Pow(x, y) : null,
            (v, _) => RealColumn(v[0], v[1], Math.Pow)),
        F("pi", KqlType.Real, _ => Math.PI),
        Real("sin", Math.Sin), Real("cos", Math.Cos), Real("tan", Math.Tan), Real("atan", Math.Atan),
        // acos-function.md / asin-function.md: outside [-1, 1] the result is null (not NaN)
        F("asin", KqlType.Real, a => Kv.ToReal(a[0]) is { } x && Math.Abs(x) <= 1 ? Math.Asin(x) : null),
        F("acos", KqlType.Real, a => Kv.ToReal(a[0]) is { } x && Math.Abs(x) <= 1 ? Math.Acos(x) : null),
        F("atan2", KqlType.Real, a => Kv.ToReal(a[0]) is { } y && Kv.ToReal(a[1]) is { } x ? Math.Atan2(y, x) : null),
        Real("radians", x => Math.PI / 180 * x), Real("degrees", x => 180 / Math.PI * x),
        F("isnan", KqlType.Bool, a => Kv.ToReal(a[0]) is { } x ? double.IsNaN(x) : null),
        F("isinf", KqlType.Bool, a => Kv.ToReal(a[0]) is { } x ? double.IsInfinity(x) : null),
        F("isfinite", KqlType.Bool, a => Kv.ToReal(a[0]) is { } x ? double.IsFinite(x) : null),
        Binary("binary_and", (x, y) => x & y), Binary("binary_or", (x, y) => x | y), Binary("binary_xor", (x, y) => x ^ y),
        Binary("binary_shift_left", (x, y) => x << (int)y), Binary("binary_shift_right", (x, y) => x >> (int)y),
        F("binary_not", KqlType.Long, a => Kv.ToLong(a[0]) is { } x ? ~x : null),
        F("max_of", a => Expressions.ExprCompiler.CommonType(a), a => a.Where(x => x is not null).DefaultIfEmpty(null).Max(ValueComparer.Instance)),
        F("min_of", a => Expressions.ExprCompiler.CommonType(a), a => a.Where(x => x is not null).DefaultIfEmpty(null).Min(ValueComparer.Instance)),
    ];

    private static ScalarFunction Real(string name, Func<double, double> f) =>
        new(name, _ => KqlType.Real, a => Kv.ToReal(a[0]) is { } x ? f(x) : null, (v, _) => RealColumn(v[0], f));

    /// <summary>The whole-column form of a function of reals: a typed loop; null where an argument is null (as toreal() gives).</summary>
    private static Vector RealColumn(Vector arg, Func<double, double> f)
    {
        var (x, nulls) = Numeric.Doubles(arg);
        var result = new double[x.Length];
        for (var i = 0; i < result.Length; i++) result[i] = f(x[i]);
        return new PrimitiveVector<double>(KqlType.Real, result, nulls);
    }

    private static Vector RealColumn(Vector left, Vector right, Func<double, double, double> f)
    {
        var (x, xn) = Numeric.Doubles(left);
        var (y, yn) = Numeric.Doubles(right);
        var result = new double[x.Length];
        for (var i = 0; i < result.Length; i++) result[i] = f(x[i], y[i]);
        return new PrimitiveVector<double>(KqlType.Real, result, Numeric.Either(xn, yn));
    }

    /// <summary>round() of reals with a constant precision as a typed loop; anything else value by value.</summary>
    private static Vector RoundColumn(Vector[] v, int n)
    {
        if (v[0].Type != KqlType.Real || (v.Length > 1 && !v[1].IsConstant))
            return Vectors.Map(v[0].Type, v, n, a => Round(a[0], Kv.ToLong(Arg(a, 1)) ?? 0));
        var digits = (int)Math.Clamp(v.Length > 1 ? Kv.ToLong(v[1].Get(0)) ?? 0 : 0, 0, 15);
        return RealColumn(v[0], x => Math.Round(x, digits, MidpointRounding.AwayFromZero));
    }

    private static ScalarFunction Binary(string name, Func<long, long, long> f) =>
        F(name, KqlType.Long, a => Kv.ToLong(a[0]) is { } x && Kv.ToLong(a[1]) is { } y ? f(x, y) : null);

    private static object? Round(object? value, long digits) => value switch
    {
        double d => Math.Round(d, (int)Math.Clamp(digits, 0, 15), MidpointRounding.AwayFromZero),
        decimal m => Math.Round(m, (int)Math.Clamp(digits, 0, 28), MidpointRounding.AwayFromZero),
        long or int => value,
        _ => null,
    };
}
