namespace Detection.Anomalies;

/// <summary>Result of <see cref="SeriesFit2Lines.Fit"/>; names follow Kusto's series_fit_2lines output columns.</summary>
/// <param name="RSquare">1 − (SSR_left + SSR_right)/SST of the whole series.</param>
/// <param name="SplitIdx">0-based index of the first point of the right segment; −1 when the series is too short.</param>
/// <param name="Variance">SST/(n−1) of the whole series.</param>
/// <param name="RVariance">(SSR_left + SSR_right)/(n−1).</param>
/// <param name="LineFit">The two fitted segments, one value per point.</param>
/// <param name="Left">series_fit_line of the left part, as its own series (x = 1..split).</param>
/// <param name="Right">series_fit_line of the right part, as its own series (x = 1..n−split).</param>
public sealed record TwoLinesFitResult(double RSquare, long SplitIdx, double Variance, double RVariance, double[] LineFit,
    LineFitResult Left, LineFitResult Right);

/// <summary>
/// Kusto <c>series_fit_2lines()</c>: tries every split into two parts of at least two present points, fits each
/// part with <see cref="SeriesFitLine"/>, and keeps the split with the highest total r-square (ties: the earliest).
/// The split search uses centred prefix sums (O(n)); the chosen split is then refitted exactly. Pure and thread-safe.
/// </summary>
public static class SeriesFit2Lines
{
    /// <summary>Fits two lines; fewer than four present points give SplitIdx −1 and a single-line fit on both sides.</summary>
    public static TwoLinesFitResult Fit(ReadOnlySpan<double> y)
    {
        int n = y.Length;
        LineFitResult whole = SeriesFitLine.Fit(y);
        int best = BestSplit(y);
        if (best < 0) return new TwoLinesFitResult(whole.RSquare, -1, whole.Variance, whole.RVariance, whole.LineFit, whole, whole);

        LineFitResult left = SeriesFitLine.Fit(y[..best]);
        LineFitResult right = SeriesFitLine.Fit(y[best..]);
        var line = new double[n];
        left.LineFit.CopyTo(line, 0);
        right.LineFit.CopyTo(line, best);
        double ssr = 0;
        int present = 0;
        for (int i = 0; i < n; i++)
        {
            if (double.IsNaN(y[i])) continue;
            ssr += (y[i] - line[i]) * (y[i] - line[i]);
            present++;
        }
        double sst = whole.Variance * Math.Max(present - 1, 1);
        double rsquare = sst == 0 ? 1 : 1 - ssr / sst;
        return new TwoLinesFitResult(rsquare, best, whole.Variance, ssr / Math.Max(present - 1, 1), line, left, right);
    }

    /// <summary>The split minimising SSR_left + SSR_right (the same as maximising total r-square), or −1.</summary>
    private static int BestSplit(ReadOnlySpan<double> y)
    {
        int n = y.Length;
        double mean = 0;
        int count = 0;
        for (int i = 0; i < n; i++) if (!double.IsNaN(y[i])) { mean += y[i]; count++; }
        if (count < 4) return -1;
        mean /= count;
        double xc = (n - 1) / 2.0;
        // Prefix sums over [0, i): count, x, y, x², xy, y² with x and y centred for precision.
        var c = new double[n + 1]; var sx = new double[n + 1]; var sy = new double[n + 1];
        var sxx = new double[n + 1]; var sxy = new double[n + 1]; var syy = new double[n + 1];
        for (int i = 0; i < n; i++)
        {
            bool present = !double.IsNaN(y[i]);
            double x = i - xc, v = present ? y[i] - mean : 0, w = present ? 1 : 0;
            c[i + 1] = c[i] + w; sx[i + 1] = sx[i] + w * x; sy[i + 1] = sy[i] + v;
            sxx[i + 1] = sxx[i] + w * x * x; sxy[i + 1] = sxy[i] + x * v; syy[i + 1] = syy[i] + v * v;
        }
        double Ssr(int from, int to)
        {
            double k = c[to] - c[from], mx = (sx[to] - sx[from]) / k, my = (sy[to] - sy[from]) / k;
            double vxx = sxx[to] - sxx[from] - k * mx * mx;
            double vxy = sxy[to] - sxy[from] - k * mx * my;
            double vyy = syy[to] - syy[from] - k * my * my;
            return vxx == 0 ? vyy : Math.Max(vyy - vxy * vxy / vxx, 0);
        }
        int best = -1;
        double bestSsr = double.PositiveInfinity;
        for (int split = 1; split < n; split++)
        {
            if (c[split] < 2 || c[n] - c[split] < 2) continue;
            double ssr = Ssr(0, split) + Ssr(split, n);
            if (best < 0 || ssr < bestSsr - 1e-12 * bestSsr) { bestSsr = ssr; best = split; }
        }
        return best;
    }
}
