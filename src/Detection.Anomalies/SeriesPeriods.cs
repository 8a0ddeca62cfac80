using System.Numerics;
using MathNet.Numerics.IntegralTransforms;

namespace Detection.Anomalies;

/// <summary>Periods found in a series, best first, with scores in [0, 1]; unused slots hold period 0, score 0.</summary>
public sealed record PeriodsResult(double[] Periods, double[] Scores);

/// <summary>
/// Period detection used by <c>series_periods_detect()</c> and by seasonality auto-detection (Seasonality = −1) in
/// <c>series_decompose*</c>. Kusto does not document its internals (a periodogram refined by autocorrelation), so
/// this is our own, documented estimator: remove the least-squares line, compute the (biased) autocorrelation r(L)
/// by FFT, and take the local maxima of r over the allowed lags, highest first; the score of period L is max(r(L), 0).
/// A period is only accepted if the series holds at least two full periods. Pure and thread-safe.
/// </summary>
public static class SeriesPeriods
{
    /// <summary>Smallest lag considered when auto-detecting seasonality.</summary>
    public const int MinAutoPeriod = 4;

    /// <summary>
    /// Like <c>series_periods_detect(series, min_period, max_period, num_periods)</c>: integer periods in
    /// [minPeriod, min(maxPeriod, n/2)], at most <paramref name="numPeriods"/>.
    /// </summary>
    public static PeriodsResult Detect(ReadOnlySpan<double> x, double minPeriod, double maxPeriod, int numPeriods)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numPeriods);
        var periods = new double[numPeriods];
        var scores = new double[numPeriods];
        double[] acf = Autocorrelation(x);
        int lo = Math.Max(2, (int)Math.Ceiling(minPeriod));
        int hi = Math.Min((int)Math.Floor(maxPeriod), x.Length / 2);
        var peaks = new List<(double Score, int Lag)>();
        for (int lag = lo; lag <= hi; lag++)
        {
            bool peak = acf[lag] > acf[lag - 1] && (lag + 1 >= acf.Length || acf[lag] >= acf[lag + 1]);
            if (peak && acf[lag] > 0) peaks.Add((acf[lag], lag));
        }
        peaks.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Lag.CompareTo(b.Lag));
        for (int i = 0; i < Math.Min(numPeriods, peaks.Count); i++)
        {
            periods[i] = peaks[i].Lag;
            scores[i] = peaks[i].Score;
        }
        return new PeriodsResult(periods, scores);
    }

    /// <summary>The seasonality used for Seasonality = −1: the best period if its score ≥ threshold, else 0 (none).</summary>
    public static int DetectSeasonality(ReadOnlySpan<double> x, double threshold = 0.6)
    {
        PeriodsResult best = Detect(x, MinAutoPeriod, x.Length / 2, 1);
        return best.Scores[0] >= threshold ? (int)best.Periods[0] : 0;
    }

    /// <summary>r(L) for L = 0..n−1 of the linearly detrended series; missing points count as on the line.</summary>
    internal static double[] Autocorrelation(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        var acf = new double[n];
        if (n < 2 || !SeriesFitLine.TryFit(x, 0, n, out double slope, out double intercept, out _)) return acf;
        int size = 1;
        while (size < 2 * n) size <<= 1;
        var buffer = new Complex[size];
        for (int i = 0; i < n; i++)
            buffer[i] = double.IsNaN(x[i]) ? 0 : x[i] - (slope * (i + 1) + intercept);
        Fourier.Forward(buffer, FourierOptions.Matlab);
        for (int i = 0; i < size; i++) buffer[i] = buffer[i].Magnitude * buffer[i].Magnitude;
        Fourier.Inverse(buffer, FourierOptions.Matlab);
        double c0 = buffer[0].Real;
        if (c0 <= 0) return acf;
        for (int lag = 0; lag < n; lag++) acf[lag] = buffer[lag].Real / c0;
        return acf;
    }
}
