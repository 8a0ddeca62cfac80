using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Values;

/// <summary>
/// Computed fixed-size values (real, long, int, datetime, timespan) with a null flag per row: what typed arithmetic,
/// math functions and iff produce, so a chain of them never boxes a value and the result becomes a column as it is.
/// </summary>
internal sealed class PrimitiveVector<T>(KqlType type, T[] values, bool[]? nulls) : Vector(type, values.Length)
    where T : unmanaged
{
    public T[] Values { get; } = values;

    /// <summary>True where the row is null; null when no row is.</summary>
    public bool[]? Nulls { get; } = nulls;

    public override object? Get(int row) => Nulls is not null && Nulls[row] ? null : Values[row];

    public override Column ToColumn() => ColumnFactory.Primitive(Type, Values, Nulls);
}
