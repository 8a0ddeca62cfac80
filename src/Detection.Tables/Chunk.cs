using System.Collections.Immutable;
using Detection.Tables.Columns;

namespace Detection.Tables;

/// <summary>A block of rows stored column by column. Every column has <see cref="RowCount"/> values.</summary>
public sealed class Chunk
{
    public Chunk(int rowCount, IEnumerable<Column> columns)
    {
        RowCount = rowCount;
        Columns = columns.ToImmutableArray();
        foreach (var column in Columns)
        {
            if (column.Length != rowCount)
                throw new ArgumentException($"a column of type {column.Type} has {column.Length} values in a chunk of {rowCount} rows");
        }
    }

    public int RowCount { get; }

    public ImmutableArray<Column> Columns { get; }

    public Column this[int ordinal] => Columns[ordinal];

    public long EstimatedBytes => Columns.Sum(c => c.EstimatedBytes);

    /// <summary>The rows <paramref name="rows"/>, in that order (repeats allowed), as a new chunk; dictionaries are shared, only codes are gathered.</summary>
    public Chunk Gather(ReadOnlySpan<int> rows)
    {
        var columns = new Column[Columns.Length];
        for (var i = 0; i < columns.Length; i++) columns[i] = ColumnFactory.Gather(Columns[i], rows);
        return new Chunk(rows.Length, columns);
    }
}
