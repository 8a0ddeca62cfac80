using Xunit.Abstractions;

namespace Detection.Anomalies.Tests;

public sealed class HyperLogLogTests(ITestOutputHelper output)
{
    [Fact]
    public void HashIsXxh64OfUtf8Bytes()
    {
        Assert.Equal(0xEF46DB3751D8E999UL, StableHash.OfString(""));
        Assert.Equal(0x44BC2CF5AD770999UL, StableHash.OfString("abc"));
        Assert.Equal(0x0B242D361FDA71BCUL, StableHash.OfString("The quick brown fox jumps over the lazy dog"));
        Assert.Equal(StableHash.OfLong(42), StableHash.OfDouble(42.0));
        Assert.Equal(StableHash.OfDouble(0.0), StableHash.OfDouble(-0.0));
        Assert.NotEqual(StableHash.OfDouble(0.5), StableHash.OfDouble(1.5));
    }

    [Theory]
    [InlineData(1, 1_000)]
    [InlineData(2, 8_000)]
    public void CountsExactlyUpToTheDocumentedLimit(int accuracy, int limit)
    {
        var sketch = new HyperLogLog(accuracy);
        for (int round = 0; round < 3; round++)
            for (int i = 0; i < limit; i++) sketch.Add("user" + i + "@contoso.com");
        sketch.Add((string?)null);
        Assert.True(sketch.IsExact);
        Assert.Equal(limit, sketch.Count());
    }

    [Theory]
    [InlineData(0, 100_000)]
    [InlineData(1, 100_000)]
    [InlineData(1, 1_000_000)]
    [InlineData(2, 1_000_000)]
    public void EstimateIsWithinThreeStandardErrors(int accuracy, int distinct)
    {
        var sketch = new HyperLogLog(accuracy);
        for (int i = 0; i < distinct; i++) sketch.Add("10.0." + (i >> 16) + "." + i);
        double error = (double)(sketch.Count() - distinct) / distinct;
        double sigma = 1.04 / Math.Sqrt(1 << sketch.Precision);
        output.WriteLine($"accuracy={accuracy} n={distinct} estimate={sketch.Count()} error={error:P3} sigma={sigma:P3}");
        Assert.False(sketch.IsExact);
        Assert.True(Math.Abs(error) < 3 * sigma, $"relative error {error:P3} over 3σ = {3 * sigma:P3}");
    }

    [Fact]
    public void MergeEqualsTheSketchOfTheUnion()
    {
        var left = new HyperLogLog();
        var right = new HyperLogLog();
        var union = new HyperLogLog();
        for (long i = 0; i < 60_000; i++)
        {
            (i % 3 == 0 ? left : right).Add(i);
            if (i % 5 == 0) left.Add(i);
            union.Add(i);
        }
        var small = new HyperLogLog();
        small.Add(7L);
        left.Merge(right);
        left.Merge(small);
        Assert.Equal(union.Count(), left.Count());
        Assert.Throws<ArgumentException>(() => left.Merge(new HyperLogLog(2)));
    }

    [Fact]
    public void EmptySketchCountsZero() => Assert.Equal(0, new HyperLogLog().Count());
}
