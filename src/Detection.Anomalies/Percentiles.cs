namespace Detection.Anomalies;

/// <summary>
/// Kusto <c>percentile()</c> / <c>percentiles()</c> computed exactly with the nearest-rank definition that the
/// reference page gives: the P-th percentile (0 &lt; P ≤ 100) is the smallest value such that at least P percent of the
/// values are less or equal to it; P = 0 is the minimum. Kusto itself approximates with a T-Digest (rank error up
/// to 1 % near the median); we return the exact nearest-rank value so results are reproducible. Nulls (NaN) are
/// ignored. Pure and thread-safe.
/// </summary>
public static class Percentiles
{
    /// <summary>The nearest-rank percentile of values already sorted ascending (no NaN); NaN when empty.</summary>
    /// <exception cref="ArgumentOutOfRangeException">percent outside [0, 100].</exception>
    public static double NearestRank(ReadOnlySpan<double> sortedAscending, double percent)
    {
        if (!(percent >= 0 && percent <= 100)) throw new ArgumentOutOfRangeException(nameof(percent));
        if (sortedAscending.Length == 0) return double.NaN;
        // percent·n/100 keeps whole ranks exact (30 % of 10 is 3, not 3.0000000000000004); the epsilon absorbs
        // the representation error of fractional percents such as 33.3.
        double exactRank = percent * sortedAscending.Length / 100;
        long rank = (long)Math.Ceiling(exactRank - 1e-9 * Math.Max(1, exactRank));
        return sortedAscending[(int)Math.Clamp(rank, 1, sortedAscending.Length) - 1];
    }

    /// <summary>Sorts a copy of the present values once and answers every requested percent.</summary>
    public static double[] Compute(ReadOnlySpan<double> values, ReadOnlySpan<double> percents)
    {
        double[] sorted = Quantiles.SortedPresent(values);
        var result = new double[percents.Length];
        for (int i = 0; i < percents.Length; i++) result[i] = NearestRank(sorted, percents[i]);
        return result;
    }
}
