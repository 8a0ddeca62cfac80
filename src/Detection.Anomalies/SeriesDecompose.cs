namespace Detection.Anomalies;

/// <summary>How <see cref="SeriesDecompose"/> models the trend (Kusto's Trend argument).</summary>
public enum TrendKind
{
    /// <summary>'avg' (Kusto's default): the mean of the de-seasonalised series.</summary>
    Avg,
    /// <summary>'linefit': the least-squares line through the de-seasonalised series.</summary>
    LineFit,
    /// <summary>'none': no trend, 0.</summary>
    None,
}

/// <summary>Components of a series, one value per input point.</summary>
/// <param name="Baseline">Seasonal + Trend: the expected value.</param>
/// <param name="Seasonal">Per-phase median, repeated with the period; 0 without seasonality.</param>
/// <param name="Trend">The fitted trend (constant for avg, a line for linefit, 0 for none).</param>
/// <param name="Residual">x − Baseline; NaN where x is missing.</param>
/// <param name="Period">The period used: the given one, the auto-detected one, or 0 for no seasonality.</param>
public sealed record SeriesDecomposition(double[] Baseline, double[] Seasonal, double[] Trend, double[] Residual, int Period);

/// <summary>
/// Kusto <c>series_decompose(Series, Seasonality=-1, Trend='avg', Test_points=0, Seasonality_threshold=0.6)</c>.
/// Seasonal = median of the learning points at the same phase (i mod period); trend fitted on x − seasonal.
/// The last <c>testPoints</c> points are excluded from learning and get the extrapolated baseline.
/// Pure and thread-safe; the caller owns the returned arrays.
/// </summary>
public static class SeriesDecompose
{
    /// <summary>Seasonality argument value asking for auto-detection.</summary>
    public const int AutoSeasonality = -1;

    /// <summary>Decomposes <paramref name="x"/>; NaN marks missing points, which are left out of medians and fits.</summary>
    /// <exception cref="ArgumentOutOfRangeException">seasonality &lt; −1 or testPoints outside [0, n).</exception>
    public static SeriesDecomposition Decompose(ReadOnlySpan<double> x, int seasonality = AutoSeasonality,
        TrendKind trend = TrendKind.Avg, int testPoints = 0, double seasonalityThreshold = 0.6)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonality, AutoSeasonality);
        int n = x.Length;
        if (testPoints < 0 || (n > 0 && testPoints >= n)) throw new ArgumentOutOfRangeException(nameof(testPoints));
        ReadOnlySpan<double> learn = x[..(n - testPoints)];
        int period = seasonality == AutoSeasonality ? SeriesPeriods.DetectSeasonality(learn, seasonalityThreshold) : seasonality;
        if (period > learn.Length) period = 0;

        double[] seasonal = Seasonal(x, learn, period);
        var deseasoned = new double[learn.Length];
        for (int i = 0; i < learn.Length; i++) deseasoned[i] = learn[i] - seasonal[i];
        double[] trendLine = Trend(deseasoned, n, trend);

        var baseline = new double[n];
        var residual = new double[n];
        for (int i = 0; i < n; i++)
        {
            baseline[i] = seasonal[i] + trendLine[i];
            residual[i] = x[i] - baseline[i];
        }
        return new SeriesDecomposition(baseline, seasonal, trendLine, residual, period);
    }

    private static double[] Seasonal(ReadOnlySpan<double> x, ReadOnlySpan<double> learn, int period)
    {
        var seasonal = new double[x.Length];
        if (period <= 0) return seasonal;
        var medians = new double[period];
        var phase = new List<double>(learn.Length / period + 1);
        for (int p = 0; p < period; p++)
        {
            phase.Clear();
            for (int i = p; i < learn.Length; i += period) if (!double.IsNaN(learn[i])) phase.Add(learn[i]);
            phase.Sort();
            medians[p] = phase.Count == 0 ? 0 : Quantiles.Median(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(phase));
        }
        for (int i = 0; i < x.Length; i++) seasonal[i] = medians[i % period];
        return seasonal;
    }

    private static double[] Trend(double[] deseasoned, int n, TrendKind trend)
    {
        var line = new double[n];
        switch (trend)
        {
            case TrendKind.None:
                break;
            case TrendKind.Avg:
                double sum = 0; int count = 0;
                foreach (double v in deseasoned) if (!double.IsNaN(v)) { sum += v; count++; }
                Array.Fill(line, count == 0 ? 0 : sum / count);
                break;
            case TrendKind.LineFit:
                if (SeriesFitLine.TryFit(deseasoned, 0, deseasoned.Length, out double slope, out double intercept, out _))
                    for (int i = 0; i < n; i++) line[i] = slope * (i + 1) + intercept;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(trend));
        }
        return line;
    }
}
