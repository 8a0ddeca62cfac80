namespace Detection.Anomalies.Tests;

public sealed class SeriesStatsTests
{
    // Example of the series_stats() reference page.
    [Fact]
    public void ReproducesTheReferencePageExample()
    {
        SeriesStatistics s = SeriesStats.Compute([23, 46, 23, 87, 4, 8, 3, 75, 2, 56, 13, 75, 32, 16, 29]);
        Assert.Equal(2, s.Min);
        Assert.Equal(8, s.MinIdx);
        Assert.Equal(87, s.Max);
        Assert.Equal(3, s.MaxIdx);
        Assert.Equal(32.8, s.Avg!.Value, 12);
        Assert.Equal(28.5036338535483, s.Stdev!.Value, 12);
        Assert.Equal(812.457142857143, s.Variance!.Value, 9);
        Assert.Equal(492, s.Sum);
        Assert.Equal(15, s.Len);
    }

    [Fact]
    public void NonFiniteValuesGiveNullsUnlessIgnored()
    {
        double[] x = [1, double.NaN, 3, double.PositiveInfinity];
        Assert.Null(SeriesStats.Compute(x).Avg);
        SeriesStatistics s = SeriesStats.Compute(x, ignoreNonFinite: true);
        Assert.Equal(2, s.Avg);
        Assert.Equal(2, s.MaxIdx);
    }
}
