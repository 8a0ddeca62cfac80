namespace Detection.Anomalies;

/// <summary>
/// Kusto <c>series_stats()</c> / <c>series_stats_dynamic()</c> output. All members are null when the input has a
/// non-finite value and ignore_nonfinite is false, or when no finite value remains.
/// </summary>
/// <param name="Min">Smallest value.</param>
/// <param name="MinIdx">First (0-based) position of the minimum.</param>
/// <param name="Max">Largest value.</param>
/// <param name="MaxIdx">First (0-based) position of the maximum.</param>
/// <param name="Avg">Mean value.</param>
/// <param name="Variance">Sample variance (n−1); 0 for a single value.</param>
/// <param name="Stdev">Sample standard deviation (n−1); 0 for a single value.</param>
/// <param name="Sum">Sum of the values (series_stats_dynamic's sum).</param>
/// <param name="Len">Length of the input array (series_stats_dynamic's len).</param>
public sealed record SeriesStatistics(double? Min, long? MinIdx, double? Max, long? MaxIdx, double? Avg,
    double? Stdev, double? Variance, double? Sum, long Len);

/// <summary>Kusto <c>series_stats(series, ignore_nonfinite=false)</c>. Pure and thread-safe.</summary>
public static class SeriesStats
{
    /// <summary>Computes the statistics; NaN and ±∞ are the non-finite values.</summary>
    public static SeriesStatistics Compute(ReadOnlySpan<double> x, bool ignoreNonFinite = false)
    {
        var moments = new Moments();
        double min = double.PositiveInfinity, max = double.NegativeInfinity, sum = 0;
        long minIdx = -1, maxIdx = -1;
        for (int i = 0; i < x.Length; i++)
        {
            double v = x[i];
            if (!double.IsFinite(v))
            {
                if (ignoreNonFinite) continue;
                return Empty(x.Length);
            }
            if (v < min) { min = v; minIdx = i; }
            if (v > max) { max = v; maxIdx = i; }
            sum += v;
            moments.Add(v);
        }
        if (moments.Count == 0) return Empty(x.Length);
        return new SeriesStatistics(min, minIdx, max, maxIdx, moments.Mean, moments.SampleStdev, moments.SampleVariance, sum, x.Length);
    }

    private static SeriesStatistics Empty(long length) => new(null, null, null, null, null, null, null, null, length);
}
