using Detection.Anomalies;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> SeriesFunctions() =>
    [
        F("series_outliers", KqlType.Dynamic, a => Series.Values(a[0]) is { } x
            ? Series.Array(SeriesOutliers.Score(x, Text(Arg(a, 1)) == "tukey" ? OutlierKind.Tukey : OutlierKind.CTukey,
                Kv.ToReal(Arg(a, 2)) ?? double.NaN, Kv.ToReal(Arg(a, 3)) ?? 10, Kv.ToReal(Arg(a, 4)) ?? 90))
            : null),
        F("series_fill_forward", KqlType.Dynamic, a => Series.Values(a[0]) is { } x ? Series.Array(SeriesFill.Forward(x, Kv.ToReal(Arg(a, 1)) ?? double.NaN)) : null),
        F("series_fill_backward", KqlType.Dynamic, a => Series.Values(a[0]) is { } x ? Series.Array(SeriesFill.Backward(x, Kv.ToReal(Arg(a, 1)) ?? double.NaN)) : null),
        F("series_fill_const", KqlType.Dynamic, a => Series.Values(a[0]) is { } x ? Series.Array(SeriesFill.Const(x, Kv.ToReal(Arg(a, 1)) ?? 0, Kv.ToReal(Arg(a, 2)) ?? double.NaN)) : null),
        F("series_fill_linear", KqlType.Dynamic, a => Series.Values(a[0]) is { } x
            ? Series.Array(SeriesFill.Linear(x, Kv.ToReal(Arg(a, 1)) ?? double.NaN, Kv.ToBool(Arg(a, 2)) ?? true, Kv.ToReal(Arg(a, 3)) ?? 0,
                Dyn.Elements(a[0]).All(e => Dyn.Unwrap(e) is null or long)), Dyn.Elements(a[0]).All(e => Dyn.Unwrap(e) is null or long))
            : null),
        F("series_stats_dynamic", KqlType.Dynamic, a => Series.Values(a[0]) is { } x && SeriesStats.Compute(x, Kv.ToBool(Arg(a, 1)) ?? false) is var s
            ? Dyn.Bag([
                KeyValuePair.Create<string, object?>("min", s.Min), KeyValuePair.Create<string, object?>("min_idx", s.MinIdx),
                KeyValuePair.Create<string, object?>("max", s.Max), KeyValuePair.Create<string, object?>("max_idx", s.MaxIdx),
                KeyValuePair.Create<string, object?>("avg", s.Avg), KeyValuePair.Create<string, object?>("variance", s.Variance),
                KeyValuePair.Create<string, object?>("stdev", s.Stdev)])
            : null),
        Elementwise("series_add", (x, y) => x + y), Elementwise("series_subtract", (x, y) => x - y),
        Elementwise("series_multiply", (x, y) => x * y), Elementwise("series_divide", (x, y) => x / y),
        Elementwise("series_greater", (x, y) => x > y ? 1 : 0, boolean: true), Elementwise("series_less", (x, y) => x < y ? 1 : 0, boolean: true),
        F("series_abs", KqlType.Dynamic, a => Series.Values(a[0]) is { } x ? Series.Array(x.Select(Math.Abs)) : null),
    ];

    /// <summary>series_add and friends: element-wise over two arrays (or an array and a number); a missing element is null.</summary>
    private static ScalarFunction Elementwise(string name, Func<double, double, double> f, bool boolean = false) => F(name, KqlType.Dynamic, a =>
    {
        var x = Series.Values(a[0]) ?? (Kv.ToReal(a[0]) is { } c ? [c] : null);
        var y = Series.Values(a[1]) ?? (Kv.ToReal(a[1]) is { } d ? [d] : null);
        if (x is null || y is null) return null;
        var length = Dyn.IsArray(a[0]) && Dyn.IsArray(a[1]) ? Math.Max(x.Length, y.Length) : Math.Max(x.Length, y.Length);
        var result = new object?[length];
        for (var i = 0; i < length; i++)
        {
            var xi = Dyn.IsArray(a[0]) ? (i < x.Length ? x[i] : double.NaN) : x[0];
            var yi = Dyn.IsArray(a[1]) ? (i < y.Length ? y[i] : double.NaN) : y[0];
            var r = double.IsNaN(xi) || double.IsNaN(yi) ? double.NaN : f(xi, yi);
            result[i] = double.IsNaN(r) ? null : boolean ? r != 0 : r;
        }
        return Dyn.Array(result);
    });
}
