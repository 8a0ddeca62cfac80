using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// Collects result rows of operators that regroup rows (sort, summarize, join, mv-expand) and seals them into chunks of
/// <see cref="ChunkRows"/> rows, column by column. Values are fitted to the schema's types.
/// </summary>
internal sealed class ResultBuilder(TableSymbol schema)
{
    public const int ChunkRows = 16_384;

    private readonly List<Chunk> _chunks = [];
    private readonly List<object?>[] _columns = schema.Columns.Select(_ => new List<object?>()).ToArray();
    private int _rows;

    public TableSymbol Schema { get; } = schema;

    public void Add(IReadOnlyList<object?> row)
    {
        for (var i = 0; i < _columns.Length; i++) _columns[i].Add(Kv.Fit(row[i], Schema.Columns[i].Type));
        if (++_rows == ChunkRows) Seal();
    }

    /// <summary>Adds an already built chunk (its columns in schema order).</summary>
    public void AddChunk(Chunk chunk)
    {
        if (_rows > 0) Seal();
        if (chunk.RowCount > 0) _chunks.Add(chunk);
    }

    public Table Build()
    {
        if (_rows > 0) Seal();
        return new Table(Schema, _chunks);
    }

    private void Seal()
    {
        _chunks.Add(new Chunk(_rows, _columns.Select((c, i) => ColumnFactory.FromValues(Schema.Columns[i].Type, c))));
        foreach (var column in _columns) column.Clear();
        _rows = 0;
    }

    /// <summary>A schema from names and types; a repeated name is an evaluator bug, reported as such.</summary>
    public static TableSymbol SchemaOf(string name, IEnumerable<(string Name, KqlType Type)> columns) =>
        new(name, columns.Select(c => new ColumnSymbol(c.Name, c.Type)));

    /// <summary>The rows of a table as boxed values, chunk by chunk (for operators that regroup rows).</summary>
    public static IEnumerable<object?[]> Rows(Table table)
    {
        foreach (var chunk in table.Chunks)
        {
            var vectors = chunk.Columns.Select(c => new ColumnVector(c)).ToArray();
            for (var row = 0; row < chunk.RowCount; row++)
            {
                var values = new object?[vectors.Length];
                for (var i = 0; i < vectors.Length; i++) values[i] = vectors[i].Get(row);
                yield return values;
            }
        }
    }

    /// <summary>The table as a single chunk (for operators that read neighbouring rows); columns are concatenated, not boxed.</summary>
    public static Table OneChunk(Table table) =>
        table.Chunks.Length <= 1 ? table : new Table(table.Schema, [ChunkConcat.Concat(table.Schema, table.Chunks)]);
}
