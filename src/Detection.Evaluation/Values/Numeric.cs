using System.Numerics;
using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Values;

/// <summary>A typed array and a null flag per row (null when no row is null); the arrays are read-only to callers.</summary>
internal readonly record struct Typed<T>(T[] Values, bool[]? Nulls)
{
    public bool IsNull(int row) => Nulls is not null && Nulls[row];
}

/// <summary>
/// The values of a numeric, datetime or timespan vector as a typed array, without boxing when the vector holds them so
/// (a stored primitive column, a computed <see cref="PrimitiveVector{T}"/>, a constant, values per dictionary code);
/// any other vector is read value by value. Typed arithmetic, comparisons, math functions and iff run on these.
/// </summary>
internal static class Numeric
{
    /// <summary>Types whose values read as doubles and longs here: decimal and dynamic keep the one-value forms.</summary>
    public static bool IsNumber(KqlType type) => type is KqlType.Real or KqlType.Long or KqlType.Int;

    /// <summary>Datetimes and timespans, read as ticks.</summary>
    public static bool IsTime(KqlType type) => type is KqlType.DateTime or KqlType.TimeSpan;

    public static Typed<double> Doubles(Vector v) => v switch
    {
        PrimitiveVector<double> p => new(p.Values, p.Nulls),
        PrimitiveVector<long> p => Convert<long, double>(p.Values, p.Nulls),
        PrimitiveVector<int> p => Convert<int, double>(p.Values, p.Nulls),
        ColumnVector { Column: PrimitiveColumn<double> c } => Stored<double, double>(c),
        ColumnVector { Column: PrimitiveColumn<long> c } => Stored<long, double>(c),
        ColumnVector { Column: PrimitiveColumn<int> c } => Stored<int, double>(c),
        _ => Boxed(v, Kv.ToReal),
    };

    public static Typed<long> Longs(Vector v) => v switch
    {
        PrimitiveVector<long> p => new(p.Values, p.Nulls),
        PrimitiveVector<int> p => Convert<int, long>(p.Values, p.Nulls),
        ColumnVector { Column: PrimitiveColumn<long> c } => Stored<long, long>(c),
        ColumnVector { Column: PrimitiveColumn<int> c } => Stored<int, long>(c),
        _ => Boxed(v, Kv.ToLong),
    };

    /// <summary>Datetimes or timespans as ticks.</summary>
    public static Typed<long> Ticks(Vector v) => v switch
    {
        PrimitiveVector<DateTime> p => new(Array.ConvertAll(p.Values, d => d.Ticks), p.Nulls),
        PrimitiveVector<TimeSpan> p => new(Array.ConvertAll(p.Values, t => t.Ticks), p.Nulls),
        ColumnVector { Column: PrimitiveColumn<DateTime> c } => StoredTicks(c, d => d.Ticks),
        ColumnVector { Column: PrimitiveColumn<TimeSpan> c } => StoredTicks(c, t => t.Ticks),
        _ => Boxed(v, x => x switch { DateTime d => d.Ticks, TimeSpan t => t.Ticks, _ => (long?)null }),
    };

    private static Typed<TOut> Convert<TIn, TOut>(TIn[] values, bool[]? nulls)
        where TIn : unmanaged, INumberBase<TIn>
        where TOut : unmanaged, INumberBase<TOut>
    {
        var result = new TOut[values.Length];
        for (var i = 0; i < result.Length; i++) result[i] = TOut.CreateTruncating(values[i]);
        return new(result, nulls);
    }

    private static Typed<TOut> Stored<TIn, TOut>(PrimitiveColumn<TIn> column)
        where TIn : unmanaged, INumberBase<TIn>
        where TOut : unmanaged, INumberBase<TOut>
    {
        var result = new TOut[column.Length];
        var values = column.Values;
        if (!column.IsAllNull)
            for (var i = 0; i < result.Length; i++) result[i] = TOut.CreateTruncating(values[i]);
        return new(result, StoredNulls(column));
    }

    private static Typed<long> StoredTicks<T>(PrimitiveColumn<T> column, Func<T, long> ticks)
        where T : unmanaged
    {
        var result = new long[column.Length];
        var values = column.Values;
        if (!column.IsAllNull)
            for (var i = 0; i < result.Length; i++) result[i] = ticks(values[i]);
        return new(result, StoredNulls(column));
    }

    private static bool[]? StoredNulls(Column column)
    {
        bool[]? nulls = null;
        for (var i = 0; i < column.Length; i++)
            if (column.IsNull(i)) (nulls ??= new bool[column.Length])[i] = true;
        return nulls;
    }

    /// <summary>Any other vector, one value at a time; a dictionary-coded one once per distinct value.</summary>
    private static Typed<T> Boxed<T>(Vector v, Func<object?, T?> convert)
        where T : struct
    {
        var n = v.Length;
        var values = new T[n];
        bool[]? nulls = null;
        if (v.IsConstant)
        {
            if (convert(v.Get(0)) is { } c) Array.Fill(values, c);
            else if (n > 0) { nulls = new bool[n]; Array.Fill(nulls, true); }
            return new(values, nulls);
        }
        if (v is CodedVector coded)
        {
            var byCode = Array.ConvertAll(coded.ByCode, x => convert(x));
            for (var i = 0; i < n; i++)
            {
                if (byCode[coded.Codes[i]] is { } value) values[i] = value;
                else (nulls ??= new bool[n])[i] = true;
            }
            return new(values, nulls);
        }
        for (var i = 0; i < n; i++)
        {
            if (convert(v.Get(i)) is { } value) values[i] = value;
            else (nulls ??= new bool[n])[i] = true;
        }
        return new(values, nulls);
    }

    /// <summary>The null flags of a result: a row is null where either input is (null when neither has any).</summary>
    public static bool[]? Either(bool[]? a, bool[]? b)
    {
        if (a is null) return b is null ? null : (bool[])b.Clone();
        var result = (bool[])a.Clone();
        if (b is not null)
            for (var i = 0; i < result.Length; i++) result[i] |= b[i];
        return result;
    }
}
