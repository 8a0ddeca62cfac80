using System.Collections.Immutable;
using Detection.Kql.Symbols;

namespace Detection.Tables;

/// <summary>
/// An immutable columnar table: a schema and a sequence of chunks holding the rows. Chunks are independent
/// (each has its own string dictionaries), so a table can be assembled from, or split into, chunks without copying.
/// Safe to read from several threads.
/// </summary>
public sealed class Table
{
    public Table(TableSymbol schema, IEnumerable<Chunk> chunks)
    {
        Schema = schema;
        Chunks = chunks.ToImmutableArray();
        foreach (var chunk in Chunks)
        {
            if (chunk.Columns.Length != schema.Columns.Length)
                throw new ArgumentException($"table {schema.Name}: a chunk has {chunk.Columns.Length} columns, the schema {schema.Columns.Length}");
            RowCount += chunk.RowCount;
        }
    }

    public static Table Empty(TableSymbol schema) => new(schema, []);

    public TableSymbol Schema { get; }

    public string Name => Schema.Name;

    public ImmutableArray<Chunk> Chunks { get; }

    public long RowCount { get; }

    /// <summary>The bytes the column data holds (arrays and dictionaries), without object headers of the chunk list.</summary>
    public long EstimatedBytes => Chunks.Sum(c => c.EstimatedBytes);

    /// <summary>The value at a row and column, boxed (see <see cref="Column.GetValue"/>). For tests and output, not hot loops.</summary>
    public object? GetValue(long row, int column)
    {
        foreach (var chunk in Chunks)
        {
            if (row < chunk.RowCount) return chunk.Columns[column].GetValue((int)row);
            row -= chunk.RowCount;
        }
        throw new ArgumentOutOfRangeException(nameof(row));
    }

    public override string ToString() => $"{Name} ({RowCount} rows in {Chunks.Length} chunks)";
}
