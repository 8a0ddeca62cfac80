namespace Detection.Anomalies;

/// <summary>
/// Streaming count, mean and variance (Welford; merge by Chan et al.) for the <c>avg</c>, <c>stdev</c>,
/// <c>variance</c>, <c>stdevp</c> and <c>variancep</c> aggregates. NaN (null) inputs are ignored, as Kusto's
/// aggregates ignore nulls. A mutable value type: not thread-safe, one per group and thread.
/// </summary>
public struct Moments
{
    private double _m2;
    private double _mean;

    /// <summary>Number of values added.</summary>
    public long Count { get; private set; }

    /// <summary>Mean of the values; NaN when empty.</summary>
    public readonly double Mean => Count == 0 ? double.NaN : _mean;

    /// <summary>Adds a value; NaN is ignored.</summary>
    public void Add(double value)
    {
        if (double.IsNaN(value)) return;
        Count++;
        double delta = value - _mean;
        _mean += delta / Count;
        _m2 += delta * (value - _mean);
    }

    /// <summary>Folds another group's moments into this one (partial aggregation).</summary>
    public void Merge(Moments other)
    {
        if (other.Count == 0) return;
        if (Count == 0) { this = other; return; }
        long n = Count + other.Count;
        double delta = other._mean - _mean;
        _m2 += other._m2 + delta * delta * Count * other.Count / n;
        _mean += delta * other.Count / n;
        Count = n;
    }

    /// <summary>Kusto <c>variance()</c>: sample variance, Σ(x−μ)²/(n−1); 0 for one value, NaN for none.</summary>
    public readonly double SampleVariance => Count == 0 ? double.NaN : Count == 1 ? 0 : Math.Max(_m2, 0) / (Count - 1);

    /// <summary>Kusto <c>stdev()</c>: √ of <see cref="SampleVariance"/>.</summary>
    public readonly double SampleStdev => Math.Sqrt(SampleVariance);

    /// <summary>Kusto <c>variancep()</c>: population variance, Σ(x−μ)²/n; NaN for none.</summary>
    public readonly double PopulationVariance => Count == 0 ? double.NaN : Math.Max(_m2, 0) / Count;

    /// <summary>Kusto <c>stdevp()</c>: √ of <see cref="PopulationVariance"/>.</summary>
    public readonly double PopulationStdev => Math.Sqrt(PopulationVariance);
}
