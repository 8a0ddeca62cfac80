using Xunit.Abstractions;

namespace Detection.Anomalies.Tests;

/// <summary>
/// series_decompose_anomalies(TotalBytesSent, 3, -1, 'linefit') reproduces Kusto's own output in TimeSeriesDemo.csv:
/// scores within 1e-5, flags exactly, baseline within 1 (the file stores it as a long).
/// </summary>
public sealed class GoldenTimeSeriesDemoTests(ITestOutputHelper output)
{
    [TimeSeriesDemoFact]
    public void AutoSeasonalityFindsTheWeeklyPeriod()
    {
        var (values, _, _, _) = TimeSeriesDemo.Load();
        Assert.Equal(168, SeriesPeriods.DetectSeasonality(values));
    }

    [TimeSeriesDemoFact]
    public void DecomposeAnomaliesReproducesKustosScoresFlagsAndBaseline()
    {
        var (values, baseline, score, flag) = TimeSeriesDemo.Load();
        Assert.Equal(840, values.Length);

        AnomalyResult result = SeriesDecomposeAnomalies.Detect(values, threshold: 3, trend: TrendKind.LineFit);

        double maxScoreError = values.Select((_, i) => Math.Abs(result.Scores[i] - score[i])).Max();
        double maxBaselineError = values.Select((_, i) => Math.Abs(result.Baseline[i] - baseline[i])).Max();
        int flagsMatched = values.Select((_, i) => result.Flags[i] == flag[i] ? 1 : 0).Sum();
        output.WriteLine($"period={result.Period} maxScoreError={maxScoreError:E3} maxBaselineError={maxBaselineError:F3} flagsMatched={flagsMatched}/840 anomalies={flag.Count(f => f != 0)}");

        Assert.Equal(168, result.Period);
        Assert.True(maxScoreError <= 1e-5, $"max score error {maxScoreError}");
        Assert.True(maxBaselineError <= 1.0 + 1e-6, $"max baseline error {maxBaselineError}");
        Assert.Equal(flag, result.Flags);
        Assert.Equal(6, result.Flags.Count(f => f != 0));
    }

    [TimeSeriesDemoFact]
    public void OtherPeriodsOrTrendsDoNotReproduceTheBaseline()
    {
        var (values, baseline, _, _) = TimeSeriesDemo.Load();
        AnomalyResult daily = SeriesDecomposeAnomalies.Detect(values, 3, seasonality: 24, trend: TrendKind.LineFit);
        Assert.True(values.Select((_, i) => Math.Abs(daily.Baseline[i] - baseline[i])).Max() > 1e6);
    }
}
