namespace Detection.Anomalies.Tests;

public sealed class SeriesFitLineTests
{
    // Example of the series_fit_line() reference page (ALGORITHMS.md 2.2).
    [Fact]
    public void ReproducesTheReferencePageExample()
    {
        LineFitResult r = SeriesFitLine.Fit([2, 5, 6, 8, 11, 15, 17, 18, 25, 26, 30, 30]);

        Assert.Equal(2.7308, r.Slope, 4);
        Assert.Equal(-1.6667, r.Interception, 4);
        Assert.Equal(98.629, r.Variance, 3);
        Assert.Equal(1.6865, r.RVariance, 4);
        Assert.Equal(0.9829, r.RSquare, 4);
        Assert.Equal(r.Slope * 12 + r.Interception, r.LineFit[11], 12);
    }

    [Fact]
    public void MissingPointsKeepTheirPositionButAreNotFitted()
    {
        LineFitResult r = SeriesFitLine.Fit([1, double.NaN, 3, 4]);
        Assert.Equal(1, r.Slope, 12);
        Assert.Equal(0, r.Interception, 12);
        Assert.Equal(2, r.LineFit[1], 12);
        Assert.Equal(1, r.RSquare, 12);
    }
}

public sealed class SeriesFit2LinesTests
{
    [Fact]
    public void FindsTheBreakOfAPiecewiseLine()
    {
        // Rises by 2 for six points, then falls by 1.5 (x = 1..n per part, as series_fit_line on each part).
        double[] y = [1, 3, 5, 7, 9, 11, 20, 18.5, 17, 15.5, 14, 12.5, 11];

        TwoLinesFitResult r = SeriesFit2Lines.Fit(y);

        Assert.Equal(6, r.SplitIdx);
        Assert.Equal(1, r.RSquare, 12);
        Assert.Equal(2, r.Left.Slope, 12);
        Assert.Equal(-1, r.Left.Interception, 12);
        Assert.Equal(-1.5, r.Right.Slope, 12);
        Assert.Equal(21.5, r.Right.Interception, 12);
        for (int i = 0; i < y.Length; i++) Assert.Equal(y[i], r.LineFit[i], 9);
    }

    [Fact]
    public void DocumentationSeriesSplitsAtItsPeak()
    {
        // The series of the series_fit_2lines() reference page example: a rise to 12 then a decline.
        TwoLinesFitResult r = SeriesFit2Lines.Fit([1, 2.2, 2.5, 4.7, 5.0, 12, 10.3, 10.3, 9, 8.3, 6.2]);
        Assert.InRange(r.SplitIdx, 5, 6);
        Assert.True(r.RSquare > SeriesFitLine.Fit([1, 2.2, 2.5, 4.7, 5.0, 12, 10.3, 10.3, 9, 8.3, 6.2]).RSquare);
    }
}
