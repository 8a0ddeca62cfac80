namespace Detection.Anomalies;

/// <summary>Outlier test of <c>series_outliers()</c> and the AD_method of <c>series_decompose_anomalies()</c>.</summary>
public enum OutlierKind
{
    /// <summary>'ctukey' (default): custom percentiles, 10/90 unless given, each in [2, 98].</summary>
    CTukey,
    /// <summary>'tukey': classic Tukey on the 25/75 quartiles.</summary>
    Tukey,
}

/// <summary>
/// Kusto <c>series_outliers(series, kind='ctukey', ignore_val, min_percentile=10, max_percentile=90)</c>.
/// With P_lo, P_hi the percentiles (linear interpolation, R type 7) of the present values:
/// score = K·(v − P_hi)/(P_hi − P_lo) above P_hi, K·(v − P_lo)/(P_hi − P_lo) below P_lo, else 0.
/// Missing values (NaN) and <c>ignore_val</c> score 0 and are left out of the percentiles.
/// If P_hi = P_lo the division follows IEEE: points outside score ±∞. Pure and thread-safe.
/// </summary>
public static class SeriesOutliers
{
    /// <summary>
    /// Scale for ctukey. Kusto does not document it; it is fitted on Kusto's own output (TimeSeriesDemo.csv,
    /// 168 non-zero scores, relative spread 1e−15), close to but not equal to ln 16.
    /// </summary>
    public const double CTukeyScale = 2.772605605508;

    /// <summary>Scale for tukey: 1, the classic Tukey k (a score of 1.5 is the classic outer fence). Not verified against Kusto.</summary>
    public const double TukeyScale = 1.0;

    /// <summary>Scores every point of <paramref name="x"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">ctukey percentiles outside [2, 98] or min ≥ max.</exception>
    public static double[] Score(ReadOnlySpan<double> x, OutlierKind kind = OutlierKind.CTukey,
        double ignoreValue = double.NaN, double minPercentile = 10, double maxPercentile = 90)
    {
        var scores = new double[x.Length];
        Score(x, x, scores, kind, ignoreValue, minPercentile, maxPercentile);
        return scores;
    }

    /// <summary>
    /// Scores <paramref name="x"/> into <paramref name="scores"/> using the percentiles of <paramref name="learn"/>
    /// (series_decompose_anomalies learns them on the points before Test_points).
    /// </summary>
    internal static void Score(ReadOnlySpan<double> learn, ReadOnlySpan<double> x, Span<double> scores, OutlierKind kind,
        double ignoreValue, double minPercentile, double maxPercentile)
    {
        (double lo, double hi, double k) = kind switch
        {
            OutlierKind.Tukey => (25.0, 75.0, TukeyScale),
            OutlierKind.CTukey => (minPercentile, maxPercentile, CTukeyScale),
            _ => throw new ArgumentOutOfRangeException(nameof(kind)),
        };
        if (lo < 2 || hi > 98 || lo >= hi)
            throw new ArgumentOutOfRangeException(nameof(minPercentile), "ctukey percentiles must satisfy 2 ≤ min < max ≤ 98");
        double[] sorted = Quantiles.SortedPresent(learn, ignoreValue);
        if (sorted.Length == 0) { scores.Clear(); return; }
        double pLo = Quantiles.R7(sorted, lo / 100), pHi = Quantiles.R7(sorted, hi / 100);
        double range = pHi - pLo;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            scores[i] = !Quantiles.IsPresent(v, ignoreValue) ? 0
                : v > pHi ? k * (v - pHi) / range
                : v < pLo ? k * (v - pLo) / range
                : 0;
        }
    }
}
