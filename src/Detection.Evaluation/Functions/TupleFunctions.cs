using Detection.Anomalies;
using Detection.Evaluation.Values;
using Detection.Kql.Functions;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

/// <summary>
/// Functions that produce several columns (series_decompose_anomalies → ad_flag, ad_score, baseline…). Their parts and
/// part types come from the front end's declaration (<c>tuple:a,b=real,…</c>), so names agree with the binder: unnamed,
/// they become <c>fn_arg_part</c>; <c>(a, b) = fn(…)</c> names them. The numbers come from Detection.Anomalies.
/// </summary>
internal static class TupleFunctions
{
    private static readonly Dictionary<string, Func<object?[], object?[]?>> Implementations = new(StringComparer.Ordinal)
    {
        ["series_decompose_anomalies"] = a =>
        {
            if (Series.Values(a[0]) is not { } x) return null;
            var r = SeriesDecomposeAnomalies.Detect(x, Kv.ToReal(Arg(a, 1)) ?? 1.5, (int)(Kv.ToLong(Arg(a, 2)) ?? -1), Trend(Arg(a, 3)),
                (int)(Kv.ToLong(Arg(a, 4)) ?? 0), Kv.ToText(Arg(a, 5)) == "tukey" ? OutlierKind.Tukey : OutlierKind.CTukey, Kv.ToReal(Arg(a, 6)) ?? 0.6);
            return [Series.Array(r.Flags.Select(f => (double)f), integral: true), Series.Array(r.Scores), Series.Array(r.Baseline)];
        },
        ["series_decompose"] = a =>
        {
            if (Series.Values(a[0]) is not { } x) return null;
            var d = SeriesDecompose.Decompose(x, (int)(Kv.ToLong(Arg(a, 1)) ?? -1), Trend(Arg(a, 2)), (int)(Kv.ToLong(Arg(a, 3)) ?? 0), Kv.ToReal(Arg(a, 4)) ?? 0.6);
            return [Series.Array(d.Baseline), Series.Array(d.Seasonal), Series.Array(d.Trend), Series.Array(d.Residual)];
        },
        ["series_fit_line"] = a =>
        {
            if (Series.Values(a[0]) is not { } x) return null;
            var f = SeriesFitLine.Fit(x);
            return [f.RSquare, f.Slope, f.Variance, f.RVariance, f.Interception, Series.Array(f.LineFit)];
        },
        ["series_fit_2lines"] = a =>
        {
            if (Series.Values(a[0]) is not { } x) return null;
            var f = SeriesFit2Lines.Fit(x);
            return
            [
                f.RSquare, f.SplitIdx, f.Variance, f.RVariance, Series.Array(f.LineFit),
                f.Right.RSquare, f.Right.Slope, f.Right.Interception, f.Right.Variance, f.Right.RVariance,
                f.Left.RSquare, f.Left.Slope, f.Left.Interception, f.Left.Variance, f.Left.RVariance,
            ];
        },
        ["series_stats"] = a =>
        {
            if (Series.Values(a[0]) is not { } x) return null;
            var s = SeriesStats.Compute(x, Kv.ToBool(Arg(a, 1)) ?? false);
            return [s.Min, s.MinIdx, s.Max, s.MaxIdx, s.Avg, s.Variance, s.Stdev];
        },
        ["series_periods_detect"] = a =>
        {
            if (Series.Values(a[0]) is not { } x) return null;
            var p = SeriesPeriods.Detect(x, Kv.ToReal(Arg(a, 1)) ?? 0, Kv.ToReal(Arg(a, 2)) ?? x.Length / 2.0, (int)(Kv.ToLong(Arg(a, 3)) ?? 1));
            return [Series.Array(p.Periods), Series.Array(p.Scores)];
        },
    };

    public static bool IsTuple(string name) => Implementations.ContainsKey(name);

    public static IEnumerable<string> Names => Implementations.Keys;

    /// <summary>The parts (name, type) as the front end declares them.</summary>
    public static IReadOnlyList<(string Part, KqlType Type)> Parts(string name) =>
        Builtins.Scalar(name)!.Returns["tuple:".Length..].Split(',')
            .Select(p => p.Split('=') is [var n, var t] ? (n, KqlTypeNames.Parse(t)) : (p, KqlType.Dynamic)).ToList();

    public static Func<object?[], object?[]?> Implementation(string name) => Implementations[name];

    private static object? Arg(object?[] a, int i) => i < a.Length ? a[i] : null;

    private static TrendKind Trend(object? value) => Kv.ToText(value) switch
    {
        "linefit" => TrendKind.LineFit,
        "none" => TrendKind.None,
        _ => TrendKind.Avg,
    };
}

/// <summary>Series values: a dynamic array of numbers, nulls as NaN (missing points).</summary>
internal static class Series
{
    public static double[]? Values(object? array) =>
        Dyn.IsArray(array) ? Dyn.Elements(array).Select(e => Kv.ToReal(e) ?? double.NaN).ToArray() : null;

    public static object Array(IEnumerable<double> values, bool integral = false) =>
        Dyn.Array(values.Select(v => double.IsNaN(v) ? null : integral ? (object?)(long)v : v));
}
