using System.Buffers.Binary;

namespace Detection.Generator.Randomness;

/// <summary>
/// xoshiro256** seeded through SplitMix64. The generator's only source of randomness: the same seed gives the same
/// sequence on every machine and runtime (System.Random's algorithm is not a contract). <see cref="Fork"/> derives an
/// independent stream per named concern, so adding a scenario or a user does not shift everyone else's data.
/// Not thread-safe; each concern owns its instance.
/// </summary>
internal sealed class Prng
{
    private ulong _s0, _s1, _s2, _s3;
    private readonly ulong _seed;

    public Prng(ulong seed)
    {
        _seed = seed;
        var sm = seed;
        _s0 = SplitMix(ref sm);
        _s1 = SplitMix(ref sm);
        _s2 = SplitMix(ref sm);
        _s3 = SplitMix(ref sm);
    }

    /// <summary>A new stream determined by this stream's seed and <paramref name="label"/> only (not by how much of this stream was used).</summary>
    public Prng Fork(string label)
    {
        var sm = _seed ^ StableHash.Of(label);
        return new Prng(SplitMix(ref sm));
    }

    public ulong NextUInt64()
    {
        var result = RotateLeft(_s1 * 5, 7) * 9;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = RotateLeft(_s3, 45);
        return result;
    }

    /// <summary>Uniform in [0, 1).</summary>
    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    /// <summary>Uniform in [0, <paramref name="maxExclusive"/>).</summary>
    public int Next(int maxExclusive)
    {
        if (maxExclusive <= 0) throw new ArgumentOutOfRangeException(nameof(maxExclusive));
        return (int)(NextDouble() * maxExclusive);
    }

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="maxInclusive"/>].</summary>
    public int Between(int min, int maxInclusive) => min + Next(maxInclusive - min + 1);

    public double Between(double min, double max) => min + NextDouble() * (max - min);

    public bool Chance(double probability) => NextDouble() < probability;

    public T Pick<T>(IReadOnlyList<T> items) => items[Next(items.Count)];

    /// <summary>Picks by weight; <paramref name="weight"/> must be non-negative with a positive sum.</summary>
    public T PickWeighted<T>(IReadOnlyList<T> items, Func<T, double> weight)
    {
        var total = items.Sum(weight);
        var x = NextDouble() * total;
        foreach (var item in items)
        {
            x -= weight(item);
            if (x < 0) return item;
        }
        return items[^1];
    }

    /// <summary>Approximately normal (sum of uniforms); good enough for arrival times and durations.</summary>
    public double Normal(double mean, double stdDev)
    {
        var sum = 0.0;
        for (var i = 0; i < 6; i++) sum += NextDouble();
        return mean + (sum - 3.0) * stdDev / 0.7071;
    }

    /// <summary>A random version-4 GUID, from this stream only.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        BinaryPrimitives.WriteUInt64LittleEndian(bytes, NextUInt64());
        BinaryPrimitives.WriteUInt64LittleEndian(bytes[8..], NextUInt64());
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    public void NextBytes(Span<byte> bytes)
    {
        for (var i = 0; i < bytes.Length; i++) bytes[i] = (byte)NextUInt64();
    }

    /// <summary>A random instant in [<paramref name="from"/>, <paramref name="from"/> + <paramref name="span"/>), to the tick.</summary>
    public DateTime NextTime(DateTime from, TimeSpan span) =>
        from.AddTicks((long)(NextDouble() * span.Ticks));

    /// <summary>Returns <paramref name="count"/> distinct items in random order.</summary>
    public List<T> Sample<T>(IReadOnlyList<T> items, int count)
    {
        var copy = items.ToList();
        var n = Math.Min(count, copy.Count);
        for (var i = 0; i < n; i++)
        {
            var j = i + Next(copy.Count - i);
            (copy[i], copy[j]) = (copy[j], copy[i]);
        }
        return copy.GetRange(0, n);
    }

    private static ulong SplitMix(ref ulong state)
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    private static ulong RotateLeft(ulong x, int k) => (x << k) | (x >> (64 - k));
}
