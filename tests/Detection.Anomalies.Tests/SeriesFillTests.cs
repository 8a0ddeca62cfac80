namespace Detection.Anomalies.Tests;

public sealed class SeriesFillTests
{
    private const double N = double.NaN;
    private static readonly double[] Example = [N, 111, N, 36, 41, N, N, 16, 61, 33, N, N];

    // Examples of the series_fill_linear() reference page (double and int arrays, with and without edges).
    [Fact]
    public void LinearReproducesTheReferencePageExamples()
    {
        double[] filled = SeriesFill.Linear(Example);
        double[] expected = [111, 111, 73.5, 36, 41, 41 - 25.0 / 3, 41 - 50.0 / 3, 16, 61, 33, 33, 33];
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], filled[i], 12);

        Assert.Equal([111.0, 111, 73, 36, 41, 32, 24, 16, 61, 33, 33, 33], SeriesFill.Linear(Example, roundToInteger: true));
        double[] noEdges = SeriesFill.Linear(Example, fillEdges: false);
        Assert.True(double.IsNaN(noEdges[0]) && double.IsNaN(noEdges[^1]) && double.IsNaN(noEdges[^2]));
        Assert.Equal(73.5, noEdges[2]);
        Assert.Equal([0.0, 0, 0, 0], SeriesFill.Linear([N, N, N, N]));
    }

    [Fact]
    public void ForwardLeavesLeadingGapsAndBackwardTrailingOnes()
    {
        double[] forward = SeriesFill.Forward(Example);
        Assert.True(double.IsNaN(forward[0]));
        Assert.Equal([111.0, 111, 36, 41, 41, 41, 16, 61, 33, 33, 33], forward[1..]);
        double[] backward = SeriesFill.Backward(Example);
        Assert.Equal([111.0, 111, 36, 36, 41, 16, 16, 16, 61, 33], backward[..10]);
        Assert.True(double.IsNaN(backward[^1]));
    }

    [Fact]
    public void ConstReplacesThePlaceholder()
    {
        Assert.Equal([1.0, 0, 3, 0], SeriesFill.Const([1, -1, 3, N], 0, placeholder: -1));
        Assert.Equal([1.0, -1, 3, 0], SeriesFill.Const([1, -1, 3, N]));
    }
}
