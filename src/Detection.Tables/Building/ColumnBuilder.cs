using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

/// <summary>
/// Accumulates one column of the chunk being built. A value is first staged for the current row; <see cref="Commit"/>
/// appends it at its row and <see cref="Discard"/> drops it. Only columns staged in a row are committed: rows a column
/// skipped are null (or the empty string), filled in when it next commits or when the chunk is sealed, so that a row
/// costs its set columns, not the schema's width.
/// </summary>
internal abstract class ColumnBuilder(KqlType type)
{
    public KqlType Type { get; } = type;

    /// <summary>Appends the staged value as row <paramref name="row"/> of the chunk, after nulls for any rows skipped.</summary>
    public abstract void Commit(int row);

    public abstract void Discard();

    /// <summary>Seals the chunk's <paramref name="rows"/> rows (null after the last committed one) into a column and starts an empty chunk.</summary>
    public abstract Column Seal(int rows);
}
