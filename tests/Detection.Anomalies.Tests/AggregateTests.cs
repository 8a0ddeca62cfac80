namespace Detection.Anomalies.Tests;

public sealed class AggregateTests
{
    [Theory]
    [InlineData(0, 15)]
    [InlineData(5, 15)]
    [InlineData(30, 20)]
    [InlineData(40, 20)]
    [InlineData(50, 35)]
    [InlineData(100, 50)]
    public void PercentileIsTheNearestRank(double percent, double expected) =>
        // Wikipedia's nearest-rank example, the definition the percentiles() page cites.
        Assert.Equal(expected, Percentiles.Compute([35, 20, 15, 50, 40, double.NaN], [percent])[0]);

    [Fact]
    public void WholeRanksAreNotPushedUpByRounding() =>
        Assert.Equal(3, Percentiles.NearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 30));

    [Fact]
    public void VarianceIsSampleAndVariancepPopulation()
    {
        var m = new Moments();
        foreach (double v in new double[] { 2, 4, 4, 4, 5, 5, 7, 9, double.NaN }) m.Add(v);
        Assert.Equal(8, m.Count);
        Assert.Equal(5, m.Mean, 12);
        Assert.Equal(4, m.PopulationVariance, 12);
        Assert.Equal(2, m.PopulationStdev, 12);
        Assert.Equal(32.0 / 7, m.SampleVariance, 12);
    }

    [Fact]
    public void MergedMomentsEqualMomentsOfTheUnion()
    {
        var all = new Moments();
        var left = new Moments();
        var right = new Moments();
        for (int i = 0; i < 100; i++)
        {
            double v = Math.Sin(i) * 1e6 + 1e9;
            all.Add(v);
            if (i < 37) left.Add(v); else right.Add(v);
        }
        left.Merge(right);
        Assert.Equal(all.Mean, left.Mean, 1e-4);
        Assert.Equal(1, all.SampleVariance / left.SampleVariance, 9);
    }

    [Fact]
    public void OneValueHasZeroVarianceAndNoneHasNull()
    {
        var m = new Moments();
        Assert.True(double.IsNaN(m.SampleVariance));
        m.Add(3);
        Assert.Equal(0, m.SampleStdev);
    }
}
