using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

/// <summary>
/// Accumulates one column of the chunk being built. A value is first staged for the current row; <see cref="Commit"/>
/// appends the staged value (or null when nothing was staged) and <see cref="Discard"/> drops it.
/// </summary>
internal abstract class ColumnBuilder(KqlType type)
{
    public KqlType Type { get; } = type;

    public abstract void Commit();

    public abstract void Discard();

    /// <summary>Seals the committed rows into a column and starts an empty chunk.</summary>
    public abstract Column Seal();
}
