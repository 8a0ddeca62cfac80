namespace Detection.Anomalies.Tests;

public sealed class SeriesDecomposeTests
{
    [Fact]
    public void SeasonalIsThePerPhaseMedianAndTrendTheMeanOfTheRest()
    {
        double[] x = [1, 10, 3, 20, 2, 30, 100, 40];

        SeriesDecomposition d = SeriesDecompose.Decompose(x, seasonality: 2, trend: TrendKind.Avg);

        Assert.Equal([2.5, 25, 2.5, 25, 2.5, 25, 2.5, 25], d.Seasonal);
        double mean = x.Select((v, i) => v - d.Seasonal[i]).Average();
        Assert.All(d.Trend, t => Assert.Equal(mean, t, 12));
        for (int i = 0; i < x.Length; i++) Assert.Equal(x[i], d.Baseline[i] + d.Residual[i], 12);
    }

    [Fact]
    public void LinefitTrendRecoversALineExactly()
    {
        double[] x = Enumerable.Range(1, 20).Select(i => 3.0 * i + 7).ToArray();

        SeriesDecomposition d = SeriesDecompose.Decompose(x, seasonality: 0, trend: TrendKind.LineFit);

        Assert.All(d.Residual, r => Assert.Equal(0, r, 9));
        Assert.Equal(0, d.Period);
    }

    [Fact]
    public void NoTrendAndNoSeasonalityLeaveTheSeriesAsResidual()
    {
        double[] x = [5, 6, 7];
        SeriesDecomposition d = SeriesDecompose.Decompose(x, seasonality: 0, trend: TrendKind.None);
        Assert.Equal(x, d.Residual);
        Assert.Equal([0.0, 0, 0], d.Baseline);
    }

    [Fact]
    public void NoisyWhiteSeriesHasNoAutoSeasonality()
    {
        var random = new Random(7);
        double[] x = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        Assert.Equal(0, SeriesPeriods.DetectSeasonality(x));
    }

    [Fact]
    public void PeriodsDetectRanksTheTruePeriodFirst()
    {
        double[] x = Enumerable.Range(0, 400).Select(i => Math.Sin(2 * Math.PI * i / 7) + 0.01 * i).ToArray();
        PeriodsResult r = SeriesPeriods.Detect(x, 2, 100, 2);
        Assert.Equal(7, r.Periods[0]);
        Assert.True(r.Scores[0] > 0.9);
    }
}
