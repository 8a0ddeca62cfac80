using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

/// <summary>
/// Accumulates one column of the chunk being built. A value is written at its row when it is staged (a later value for
/// the same row replaces it); <see cref="Discard"/> drops it when the row is abandoned. Only columns staged in a row are
/// visited: rows a column skipped are null (or the empty string), filled in when it next stages a value or when the chunk
/// is sealed, so that a row costs its set columns, not the schema's width, and committing a row costs nothing per column.
/// </summary>
internal abstract class ColumnBuilder(KqlType type)
{
    public KqlType Type { get; } = type;

    /// <summary>Drops the value staged for <paramref name="row"/>, the row being built, which is abandoned.</summary>
    public abstract void Discard(int row);

    /// <summary>Seals the chunk's <paramref name="rows"/> rows (null after the last committed one) into a column and starts an empty chunk.</summary>
    public abstract Column Seal(int rows);
}
