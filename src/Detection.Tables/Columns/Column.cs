using Detection.Kql.Symbols;

namespace Detection.Tables.Columns;

/// <summary>
/// One column of a chunk: <see cref="Length"/> values of one KQL type. Immutable once built.
/// Strings are never null in KQL: an absent string is the empty string. Every other type has a typed null.
/// </summary>
public abstract class Column
{
    protected Column(KqlType type, int length)
    {
        Type = type;
        Length = length;
    }

    public KqlType Type { get; }

    public int Length { get; }

    public abstract bool IsNull(int row);

    /// <summary>
    /// The value boxed as bool, int, long, double, decimal, string, DateTime (UTC), TimeSpan, Guid or, for dynamic,
    /// a <see cref="System.Text.Json.Nodes.JsonNode"/>; null for a null value (never for strings).
    /// </summary>
    public abstract object? GetValue(int row);

    /// <summary>Bytes held by the column's arrays.</summary>
    public abstract long EstimatedBytes { get; }
}
