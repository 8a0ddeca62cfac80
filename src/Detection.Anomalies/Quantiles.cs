namespace Detection.Anomalies;

/// <summary>Order statistics shared by the kernels. Inputs must already be sorted ascending and free of NaN.</summary>
internal static class Quantiles
{
    /// <summary>Linear interpolation between closest ranks at (n−1)·q (R type 7, numpy's default).</summary>
    public static double R7(ReadOnlySpan<double> sorted, double q)
    {
        if (sorted.Length == 0) return double.NaN;
        double k = (sorted.Length - 1) * q;
        int f = (int)Math.Floor(k);
        int c = Math.Min(f + 1, sorted.Length - 1);
        return sorted[f] + (sorted[c] - sorted[f]) * (k - f);
    }

    public static double Median(ReadOnlySpan<double> sorted) => R7(sorted, 0.5);

    /// <summary>Copies the non-missing values of <paramref name="x"/> into a new sorted array.</summary>
    public static double[] SortedPresent(ReadOnlySpan<double> x, double ignoreValue = double.NaN)
    {
        int count = 0;
        foreach (double v in x) if (IsPresent(v, ignoreValue)) count++;
        var result = new double[count];
        int i = 0;
        foreach (double v in x) if (IsPresent(v, ignoreValue)) result[i++] = v;
        Array.Sort(result);
        return result;
    }

    public static bool IsPresent(double v, double ignoreValue) =>
        !double.IsNaN(v) && (double.IsNaN(ignoreValue) || v != ignoreValue);
}
