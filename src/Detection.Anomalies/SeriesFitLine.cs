namespace Detection.Anomalies;

/// <summary>Result of <see cref="SeriesFitLine.Fit"/>; field names follow Kusto's series_fit_line output columns.</summary>
/// <param name="RSquare">1 − SSR/SST; 1 when the series is constant (SST = 0).</param>
/// <param name="Slope">a in y = a·x + b, with x = 1..n.</param>
/// <param name="Variance">SST/(n−1) of the present points.</param>
/// <param name="RVariance">SSR/(n−1): the residual variance.</param>
/// <param name="Interception">b in y = a·x + b.</param>
/// <param name="LineFit">a·x + b for every position, including missing ones.</param>
public sealed record LineFitResult(double RSquare, double Slope, double Variance, double RVariance, double Interception, double[] LineFit);

/// <summary>
/// Kusto <c>series_fit_line()</c>: ordinary least squares of y against x = 1..n. Missing points (NaN) are left out
/// of the fit but keep their x position. Pure and thread-safe; the caller owns the returned arrays.
/// </summary>
public static class SeriesFitLine
{
    /// <summary>Fits the line; an empty or all-missing series gives NaN statistics and a NaN line.</summary>
    public static LineFitResult Fit(ReadOnlySpan<double> y)
    {
        var line = new double[y.Length];
        if (!TryFit(y, 0, y.Length, out double slope, out double intercept, out int n))
        {
            Array.Fill(line, double.NaN);
            return new LineFitResult(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, line);
        }
        double mean = 0;
        for (int i = 0; i < y.Length; i++) if (!double.IsNaN(y[i])) mean += y[i];
        mean /= n;
        double sst = 0, ssr = 0;
        for (int i = 0; i < y.Length; i++)
        {
            line[i] = slope * (i + 1) + intercept;
            if (double.IsNaN(y[i])) continue;
            sst += (y[i] - mean) * (y[i] - mean);
            ssr += (y[i] - line[i]) * (y[i] - line[i]);
        }
        double dof = Math.Max(n - 1, 1);
        double rsquare = sst == 0 ? 1 : 1 - ssr / sst;
        return new LineFitResult(rsquare, slope, sst / dof, ssr / dof, intercept, line);
    }

    /// <summary>
    /// OLS over positions [start, start+count) with x = position + 1, skipping NaN. One present point gives slope 0.
    /// Uses centred sums so long series of large values (bytes, ~1e9) keep their precision.
    /// </summary>
    internal static bool TryFit(ReadOnlySpan<double> y, int start, int count, out double slope, out double intercept, out int n)
    {
        double sx = 0, sy = 0;
        n = 0;
        for (int i = start; i < start + count; i++)
        {
            if (double.IsNaN(y[i])) continue;
            sx += i + 1; sy += y[i]; n++;
        }
        slope = intercept = double.NaN;
        if (n == 0) return false;
        double mx = sx / n, my = sy / n, sxy = 0, sxx = 0;
        for (int i = start; i < start + count; i++)
        {
            if (double.IsNaN(y[i])) continue;
            double dx = i + 1 - mx;
            sxy += dx * (y[i] - my); sxx += dx * dx;
        }
        slope = sxx == 0 ? 0 : sxy / sxx;
        intercept = my - slope * mx;
        return true;
    }
}
