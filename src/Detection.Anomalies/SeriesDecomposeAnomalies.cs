namespace Detection.Anomalies;

/// <summary>Output of <see cref="SeriesDecomposeAnomalies.Detect"/>, as Kusto's (ad_flag, ad_score, baseline).</summary>
/// <param name="Flags">+1 rise anomaly (score &gt; threshold), −1 decline (score &lt; −threshold), else 0.</param>
/// <param name="Scores">The outlier score of each residual.</param>
/// <param name="Baseline">Seasonal + trend, the expected value.</param>
/// <param name="Period">The seasonality used (0 = none); useful to report what auto-detection chose.</param>
public sealed record AnomalyResult(int[] Flags, double[] Scores, double[] Baseline, int Period);

/// <summary>
/// Kusto <c>series_decompose_anomalies(Series, Threshold=1.5, Seasonality=-1, Trend='avg', Test_points=0,
/// AD_method='ctukey', Seasonality_threshold=0.6)</c>: <see cref="SeriesDecompose"/> then
/// <see cref="SeriesOutliers"/> on the residual. Percentiles are learnt on the points before Test_points and applied
/// to all points. Missing points (NaN) score 0. Pure and thread-safe; the caller owns the returned arrays.
/// </summary>
public static class SeriesDecomposeAnomalies
{
    /// <summary>Runs the decomposition and the outlier test.</summary>
    /// <exception cref="ArgumentOutOfRangeException">threshold ≤ 0, or an argument rejected by the decomposition.</exception>
    public static AnomalyResult Detect(ReadOnlySpan<double> x, double threshold = 1.5,
        int seasonality = SeriesDecompose.AutoSeasonality, TrendKind trend = TrendKind.Avg, int testPoints = 0,
        OutlierKind method = OutlierKind.CTukey, double seasonalityThreshold = 0.6)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(threshold);
        SeriesDecomposition d = SeriesDecompose.Decompose(x, seasonality, trend, testPoints, seasonalityThreshold);
        var scores = new double[x.Length];
        ReadOnlySpan<double> residual = d.Residual;
        SeriesOutliers.Score(residual[..(x.Length - testPoints)], residual, scores, method, double.NaN, 10, 90);
        var flags = new int[x.Length];
        for (int i = 0; i < flags.Length; i++)
            flags[i] = scores[i] > threshold ? 1 : scores[i] < -threshold ? -1 : 0;
        return new AnomalyResult(flags, scores, d.Baseline, d.Period);
    }
}
