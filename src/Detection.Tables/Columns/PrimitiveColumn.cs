using Detection.Kql.Symbols;

namespace Detection.Tables.Columns;

/// <summary>
/// A column of fixed-size values (bool, int, long, real, decimal, datetime, timespan, guid) with an optional null mask.
/// A column whose values are all null holds no value array at all.
/// </summary>
public sealed class PrimitiveColumn<T> : Column
    where T : unmanaged
{
    private readonly T[]? _values;
    private readonly NullMask? _nulls;

    internal PrimitiveColumn(KqlType type, int length, T[]? values, NullMask? nulls)
        : base(type, length)
    {
        _values = values;
        _nulls = nulls;
    }

    /// <summary>True when every value is null (the column then stores nothing).</summary>
    public bool IsAllNull => _values is null;

    public override bool IsNull(int row) => _values is null || (_nulls is not null && _nulls[row]);

    /// <summary>The raw value; default(T) where the row is null.</summary>
    public T Get(int row) => _values is null ? default : _values[row];

    public ReadOnlySpan<T> Values => _values;

    public override object? GetValue(int row) => IsNull(row) ? null : _values![row];

    public override long EstimatedBytes => (_values?.LongLength ?? 0) * System.Runtime.CompilerServices.Unsafe.SizeOf<T>() + (_nulls?.EstimatedBytes ?? 0);
}
