using System.Numerics;

namespace Detection.Anomalies;

/// <summary>
/// Distinct-count sketch behind Kusto's <c>dcount</c>, <c>dcountif</c>, <c>hll</c>, <c>hll_merge</c> and
/// <c>dcount_hll</c>. Accuracy levels follow the dcount reference page: 0 → 2^12 one-byte registers (≈1.6 % error),
/// 1 (default) → 2^14 (≈0.8 %), 2 → 2^16 (≈0.4 %), 3 → 2^17 (≈0.28 %), 4 → 2^18 (≈0.2 %).
/// Like HLL++'s sparse mode, the sketch first keeps the exact set of 64-bit hashes and counts exactly up to
/// <see cref="ExactLimit"/> distinct values (1,000 at levels 0–1, 8,000 at levels 2–4; the page documents 1 and 2),
/// then switches to registers. The dense estimate is Ertl's improved raw estimator (2017), which needs neither
/// HLL++'s empirical bias tables nor a linear-counting switch. Hashes come from <see cref="StableHash"/>.
/// Not thread-safe: one sketch per group and thread, combined with <see cref="Merge"/>.
/// </summary>
public sealed class HyperLogLog
{
    private static readonly int[] PrecisionByAccuracy = [12, 14, 16, 17, 18];
    private HashSet<ulong>? _exact = [];
    private byte[]? _registers;

    /// <summary>Creates an empty sketch.</summary>
    /// <exception cref="ArgumentOutOfRangeException">accuracy outside 0..4.</exception>
    public HyperLogLog(int accuracy = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(accuracy);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(accuracy, 4);
        Accuracy = accuracy;
        Precision = PrecisionByAccuracy[accuracy];
        ExactLimit = accuracy <= 1 ? 1_000 : 8_000;
    }

    /// <summary>The dcount accuracy level, 0..4.</summary>
    public int Accuracy { get; }

    /// <summary>log2 of the register count.</summary>
    public int Precision { get; }

    /// <summary>Largest cardinality counted exactly (up to 64-bit hash collisions).</summary>
    public int ExactLimit { get; }

    /// <summary>True while the sketch still holds the exact set.</summary>
    public bool IsExact => _exact is not null;

    /// <summary>Adds a string (UTF-8 bytes); null is ignored, as dcount ignores nulls.</summary>
    public void Add(string? value) { if (value is not null) AddHash(StableHash.OfString(value)); }

    /// <summary>Adds an integer value.</summary>
    public void Add(long value) => AddHash(StableHash.OfLong(value));

    /// <summary>Adds a real value by value; NaN (null) is ignored.</summary>
    public void Add(double value) { if (!double.IsNaN(value)) AddHash(StableHash.OfDouble(value)); }

    /// <summary>Adds a precomputed 64-bit hash (from <see cref="StableHash"/>, or any well-mixed hash).</summary>
    public void AddHash(ulong hash)
    {
        if (_exact is not null)
        {
            if (_exact.Add(hash) && _exact.Count > ExactLimit) Densify();
            return;
        }
        Set(_registers!, hash);
    }

    /// <summary>Adds every value of <paramref name="other"/> (register-wise max); the accuracies must match.</summary>
    /// <exception cref="ArgumentException">The sketches have different accuracy levels.</exception>
    public void Merge(HyperLogLog other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Accuracy != Accuracy) throw new ArgumentException("HyperLogLog sketches of different accuracy cannot be merged", nameof(other));
        if (other._exact is not null)
        {
            foreach (ulong hash in other._exact) AddHash(hash);
            return;
        }
        if (_exact is not null) Densify();
        byte[] mine = _registers!, theirs = other._registers!;
        for (int i = 0; i < mine.Length; i++) if (theirs[i] > mine[i]) mine[i] = theirs[i];
    }

    /// <summary>The distinct-count estimate: exact while <see cref="IsExact"/>, else rounded HLL estimate.</summary>
    public long Count() => _exact is not null ? _exact.Count : (long)Math.Round(Estimate(_registers!, Precision));

    private void Densify()
    {
        _registers = new byte[1 << Precision];
        foreach (ulong hash in _exact!) Set(_registers, hash);
        _exact = null;
    }

    private void Set(byte[] registers, ulong hash)
    {
        int index = (int)(hash >> (64 - Precision));
        ulong rest = hash << Precision;
        int q = 64 - Precision;
        byte rank = (byte)(rest == 0 ? q + 1 : BitOperations.LeadingZeroCount(rest) + 1);
        if (rank > registers[index]) registers[index] = rank;
    }

    /// <summary>Ertl, "New cardinality estimation algorithms for HyperLogLog sketches" (2017), algorithm 6.</summary>
    internal static double Estimate(byte[] registers, int precision)
    {
        int q = 64 - precision;
        double m = registers.Length;
        var histogram = new int[q + 2];
        foreach (byte r in registers) histogram[r]++;
        if (histogram[0] == registers.Length) return 0;
        double z = m * Tau(1 - histogram[q + 1] / m);
        for (int k = q; k >= 1; k--) z = 0.5 * (z + histogram[k]);
        z += m * Sigma(histogram[0] / m);
        return m * m / (2 * Math.Log(2)) / z;
    }

    private static double Sigma(double x)
    {
        if (x == 1) return double.PositiveInfinity;
        double y = 1, z = x, previous;
        do
        {
            x *= x;
            previous = z;
            z += x * y;
            y += y;
        } while (z != previous);
        return z;
    }

    private static double Tau(double x)
    {
        if (x == 0 || x == 1) return 0;
        double y = 1, z = 1 - x, previous;
        do
        {
            x = Math.Sqrt(x);
            previous = z;
            y *= 0.5;
            z -= (1 - x) * (1 - x) * y;
        } while (z != previous);
        return z / 3;
    }
}
