namespace Detection.Anomalies;

/// <summary>
/// Kusto <c>series_fill_forward</c>, <c>series_fill_backward</c>, <c>series_fill_const</c> and
/// <c>series_fill_linear</c>. A point is missing when it is NaN or equals the placeholder (NaN = Kusto's default
/// null placeholder). Every method returns a new array and leaves the input alone. Pure and thread-safe.
/// </summary>
public static class SeriesFill
{
    /// <summary>Each missing point takes the nearest present value before it; leading missing points stay missing.</summary>
    public static double[] Forward(ReadOnlySpan<double> x, double placeholder = double.NaN)
    {
        double[] y = x.ToArray();
        double last = double.NaN;
        bool seen = false;
        for (int i = 0; i < y.Length; i++)
        {
            if (!IsMissing(y[i], placeholder)) { last = y[i]; seen = true; }
            else if (seen) y[i] = last;
        }
        return y;
    }

    /// <summary>Each missing point takes the nearest present value after it; trailing missing points stay missing.</summary>
    public static double[] Backward(ReadOnlySpan<double> x, double placeholder = double.NaN)
    {
        double[] y = x.ToArray();
        double next = double.NaN;
        bool seen = false;
        for (int i = y.Length - 1; i >= 0; i--)
        {
            if (!IsMissing(y[i], placeholder)) { next = y[i]; seen = true; }
            else if (seen) y[i] = next;
        }
        return y;
    }

    /// <summary>Every missing point becomes <paramref name="constant"/> (Kusto's default constant is 0).</summary>
    public static double[] Const(ReadOnlySpan<double> x, double constant = 0, double placeholder = double.NaN)
    {
        double[] y = x.ToArray();
        for (int i = 0; i < y.Length; i++) if (IsMissing(y[i], placeholder)) y[i] = constant;
        return y;
    }

    /// <summary>
    /// Linear interpolation between the present neighbours. With <paramref name="fillEdges"/> (default true) leading
    /// and trailing missing points take the nearest present value, otherwise they stay as they were. An array with no
    /// present value is filled with <paramref name="constant"/> (default 0; NaN keeps nulls).
    /// <paramref name="roundToInteger"/> mirrors Kusto on int/long arrays, whose interpolated values are truncated
    /// toward zero (the reference page's example: 41 → 16 over three steps gives 32, 24).
    /// </summary>
    public static double[] Linear(ReadOnlySpan<double> x, double placeholder = double.NaN, bool fillEdges = true,
        double constant = 0, bool roundToInteger = false)
    {
        double[] y = x.ToArray();
        int first = -1, previous = -1;
        for (int i = 0; i < y.Length; i++)
        {
            if (IsMissing(y[i], placeholder)) continue;
            if (first < 0) first = i;
            if (previous >= 0 && i - previous > 1)
            {
                double step = (y[i] - y[previous]) / (i - previous);
                for (int j = previous + 1; j < i; j++)
                {
                    double v = y[previous] + step * (j - previous);
                    y[j] = roundToInteger ? Math.Truncate(v) : v;
                }
            }
            previous = i;
        }
        if (first < 0)
        {
            Array.Fill(y, constant);
            return y;
        }
        if (fillEdges)
        {
            Array.Fill(y, y[first], 0, first);
            Array.Fill(y, y[previous], previous + 1, y.Length - previous - 1);
        }
        return y;
    }

    private static bool IsMissing(double v, double placeholder) => double.IsNaN(v) || v == placeholder;
}
