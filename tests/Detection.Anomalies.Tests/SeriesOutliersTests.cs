namespace Detection.Anomalies.Tests;

public sealed class SeriesOutliersTests
{
    [Fact]
    public void CtukeyScoresDistanceBeyondThe10And90PercentilesInUnitsOfTheirRange()
    {
        // 0..10: P10 = 1, P90 = 9 (R7), range 8.
        double[] x = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        double[] s = SeriesOutliers.Score(x);
        Assert.Equal(-SeriesOutliers.CTukeyScale / 8, s[0], 12);
        Assert.Equal(SeriesOutliers.CTukeyScale / 8, s[10], 12);
        Assert.All(s[1..10], v => Assert.Equal(0, v));
    }

    [Fact]
    public void TukeyUsesQuartilesAndTheClassicScale()
    {
        // 0..8: Q1 = 2, Q3 = 6, IQR 4; 20 is (20 − 6)/4 = 3.5 IQRs above Q3.
        double[] s = SeriesOutliers.Score([0, 1, 2, 3, 4, 5, 6, 7, 20], OutlierKind.Tukey);
        Assert.Equal(3.5, s[8], 12);
    }

    [Fact]
    public void NullsAndIgnoredValuesScoreZeroAndAreLeftOut()
    {
        double[] s = SeriesOutliers.Score([double.NaN, -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10], ignoreValue: -1);
        Assert.Equal(0, s[0]);
        Assert.Equal(0, s[1]);
        Assert.Equal(SeriesOutliers.CTukeyScale / 8, s[12], 12);
    }

    [Theory]
    [InlineData(1, 90)]
    [InlineData(10, 99)]
    [InlineData(50, 50)]
    public void RejectsPercentilesOutsideTheDocumentedRange(double min, double max) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => SeriesOutliers.Score([1, 2, 3], minPercentile: min, maxPercentile: max));
}
