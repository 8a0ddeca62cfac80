namespace Detection.Anomalies.Tests;

/// <summary>
/// A synthetic series whose decomposition is known by construction: 14 days × 24 hours, an integer daily pattern,
/// and per hour a noise that runs through the multiset {−2, −1, −1, 0×8, 1, 1, 2} once over the 14 days (median 0),
/// plus three spikes placed on zero-noise points of different hours (so no phase median moves).
/// With Trend='none' the residual is noise + spike, so P10 = −1, P90 = 1 (R7 over 336 points: 73 values ≤ −1, 189
/// zeros, 48 ones), range 2, and every score is K·(v − 1)/2 above 1 or K·(v + 1)/2 below −1.
/// </summary>
public sealed class SeriesDecomposeAnomaliesTests
{
    private static readonly double[] Noise = [-2, -1, -1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 2];
    private static readonly (int Index, double Spike)[] Spikes = [(3 * 24 + 5, 200), (7 * 24 + 13, -200), (11 * 24 + 20, 150)];

    private static double Pattern(int hour) => 100 + Math.Round(50 * Math.Sin(2 * Math.PI * hour / 24));

    private static double[] Series(out double[] noise)
    {
        var x = new double[14 * 24];
        noise = new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            int day = i / 24, hour = i % 24;
            noise[i] = Noise[(day + hour) % 14];
            x[i] = Pattern(hour) + noise[i];
        }
        foreach (var (index, spike) in Spikes)
        {
            Assert.Equal(0, noise[index]);
            noise[index] = spike;
            x[index] += spike;
        }
        return x;
    }

    [Fact]
    public void ExplicitPeriodWithoutTrendGivesTheHandDerivedScoresAndOnlyTheSpikesAsFlags()
    {
        double[] x = Series(out double[] residual);
        const double k = SeriesOutliers.CTukeyScale;

        AnomalyResult result = SeriesDecomposeAnomalies.Detect(x, seasonality: 24, trend: TrendKind.None);

        for (int i = 0; i < x.Length; i++)
        {
            double v = residual[i];
            double expected = v > 1 ? k * (v - 1) / 2 : v < -1 ? k * (v + 1) / 2 : 0;
            Assert.Equal(expected, result.Scores[i], 9);
            Assert.Equal(Pattern(i % 24), result.Baseline[i], 9);
        }
        Assert.Equal([(77, 1), (181, -1), (284, 1)], Flagged(result));
        Assert.Equal(k / 2, result.Scores.Max(s => s < 100 ? s : 0), 9);
    }

    [Fact]
    public void AutoSeasonalityAndDefaultAvgTrendFindTheDayAndTheSameSpikes()
    {
        double[] x = Series(out _);

        AnomalyResult result = SeriesDecomposeAnomalies.Detect(x);

        Assert.Equal(24, result.Period);
        Assert.Equal([(77, 1), (181, -1), (284, 1)], Flagged(result));
    }

    [Fact]
    public void AHigherThresholdKeepsOnlyTheLargerSpikes()
    {
        double[] x = Series(out _);
        const double k = SeriesOutliers.CTukeyScale;

        AnomalyResult result = SeriesDecomposeAnomalies.Detect(x, threshold: k * 160 / 2, seasonality: 24, trend: TrendKind.None);

        Assert.Equal([(77, 1), (181, -1)], Flagged(result));
    }

    [Fact]
    public void TestPointsAreScoredAgainstTheLearntBaseline()
    {
        double[] x = Series(out _);
        x[^1] += 500;

        AnomalyResult result = SeriesDecomposeAnomalies.Detect(x, seasonality: 24, trend: TrendKind.None, testPoints: 24);

        Assert.Equal(1, result.Flags[^1]);
        Assert.Equal(Pattern(23), result.Baseline[^1], 9);
    }

    private static (int, int)[] Flagged(AnomalyResult r) =>
        r.Flags.Select((f, i) => (i, f)).Where(p => p.f != 0).ToArray();
}
