using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

/// <summary>
/// Builds a <see cref="Table"/> row by row: stage values with the <c>Set…</c> methods, then <see cref="CommitRow"/>
/// (columns not set in the row become null, or the empty string) or <see cref="DiscardRow"/> (a bad record leaves nothing
/// behind). Every <see cref="ChunkRows"/> committed rows are sealed into an immutable chunk. Not thread-safe.
/// </summary>
public sealed class TableBuilder
{
    public const int DefaultChunkRows = 16_384;

    private readonly ColumnBuilder[] _columns;
    private readonly int[] _touched;      // the columns staged in the current row, for a discard
    private readonly int[] _touchedAt;    // per column, the row of the chunk it was last staged in (-1: none since a discard)
    private int _touchedCount;
    private readonly List<Chunk> _chunks = [];
    private byte[] _scratch = new byte[256];
    private int _rowsInChunk;

    public TableBuilder(TableSymbol schema, int chunkRows = DefaultChunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        Schema = schema;
        ChunkRows = chunkRows;
        var capacity = Math.Min(chunkRows, 1024);
        _columns = schema.Columns.Select(c => Create(c.Type, capacity, chunkRows)).ToArray();
        _touched = new int[_columns.Length];
        _touchedAt = new int[_columns.Length];
        Array.Fill(_touchedAt, -1);
    }

    public TableSymbol Schema { get; }

    public int ChunkRows { get; }

    /// <summary>Rows committed so far.</summary>
    public long RowCount { get; private set; }

    public void SetBool(int column, bool value) => Primitive<bool>(column).Stage(_rowsInChunk, value);

    public void SetInt(int column, int value) => Primitive<int>(column).Stage(_rowsInChunk, value);

    public void SetLong(int column, long value) => Primitive<long>(column).Stage(_rowsInChunk, value);

    public void SetReal(int column, double value) => Primitive<double>(column).Stage(_rowsInChunk, value);

    public void SetDecimal(int column, decimal value) => Primitive<decimal>(column).Stage(_rowsInChunk, value);

    /// <summary>Stages a datetime; it is stored as UTC (a local or unspecified kind is taken as already UTC).</summary>
    public void SetDateTime(int column, DateTime value) => Primitive<DateTime>(column).Stage(_rowsInChunk, DateTime.SpecifyKind(value, DateTimeKind.Utc));

    public void SetTimeSpan(int column, TimeSpan value) => Primitive<TimeSpan>(column).Stage(_rowsInChunk, value);

    public void SetGuid(int column, Guid value) => Primitive<Guid>(column).Stage(_rowsInChunk, value);

    public void SetStringUtf8(int column, ReadOnlySpan<byte> utf8) => Encoded(column, KqlType.String).Stage(_rowsInChunk, utf8);

    public void SetString(int column, ReadOnlySpan<char> value)
    {
        var max = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_scratch.Length < max) _scratch = new byte[Math.Max(max, _scratch.Length * 2)];
        var length = Encoding.UTF8.GetBytes(value, _scratch);
        SetStringUtf8(column, _scratch.AsSpan(0, length));
    }

    /// <summary>Stages a dynamic value given as compact JSON text in UTF-8; the JSON literal <c>null</c> or empty text is null.</summary>
    public void SetDynamicJson(int column, ReadOnlySpan<byte> compactJson)
    {
        var isNull = compactJson.IsEmpty || compactJson.SequenceEqual("null"u8);
        Encoded(column, KqlType.Dynamic).Stage(_rowsInChunk, isNull ? default : compactJson);
    }

    /// <summary>Stages a dynamic value from a parsed JSON element (written compactly).</summary>
    public void SetDynamic(int column, JsonElement value)
    {
        if (value.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined)
        {
            Encoded(column, KqlType.Dynamic).Stage(_rowsInChunk, default);
            return;
        }
        SetDynamicJson(column, JsonSerializer.SerializeToUtf8Bytes(value));
    }

    public void SetDynamic(int column, JsonNode? value) =>
        SetDynamicJson(column, value is null ? default : JsonSerializer.SerializeToUtf8Bytes(value));

    /// <summary>Appends the staged row.</summary>
    public void CommitRow()
    {
        // The values are in place already: a column's row is valid once staged, unless the row is discarded.
        _touchedCount = 0;
        RowCount++;
        if (++_rowsInChunk == ChunkRows) SealChunk();
    }

    /// <summary>Drops whatever was staged for the current row.</summary>
    public void DiscardRow()
    {
        for (var i = 0; i < _touchedCount; i++)
        {
            var column = _touched[i];
            _columns[column].Discard(_rowsInChunk);
            _touchedAt[column] = -1;
        }
        _touchedCount = 0;
    }

    /// <summary>The table of every committed row. The builder can go on; later rows go to later tables.</summary>
    public Table Build()
    {
        if (_rowsInChunk > 0) SealChunk();
        var table = new Table(Schema, _chunks);
        _chunks.Clear();
        return table;
    }

    private void SealChunk()
    {
        _chunks.Add(new Chunk(_rowsInChunk, _columns.Select(c => c.Seal(_rowsInChunk))));
        _rowsInChunk = 0;
        _touchedCount = 0; // values staged for a row not committed are dropped with the chunk's builders
        Array.Fill(_touchedAt, -1);
    }

    private PrimitiveColumnBuilder<T> Primitive<T>(int column)
        where T : unmanaged
    {
        var builder = _columns[column] as PrimitiveColumnBuilder<T> ?? throw WrongType(column, typeof(T).Name);
        Touch(column);
        return builder;
    }

    private EncodedColumnBuilder Encoded(int column, KqlType type)
    {
        var builder = _columns[column] is EncodedColumnBuilder b && b.Type == type ? b : throw WrongType(column, type.Name());
        Touch(column);
        return builder;
    }

    // Apart, so that the setters stay small enough to inline.
    private InvalidOperationException WrongType(int column, string type) =>
        new($"{Schema.Name}.{Schema.Columns[column].Name} is {Schema.Columns[column].Type.Name()}, not {type}");

    private void Touch(int column)
    {
        if (_touchedAt[column] == _rowsInChunk) return;
        _touchedAt[column] = _rowsInChunk;
        _touched[_touchedCount++] = column;
    }

    private static ColumnBuilder Create(KqlType type, int capacity, int chunkRows) => type switch
    {
        KqlType.Bool => new PrimitiveColumnBuilder<bool>(type, capacity, chunkRows),
        KqlType.Int => new PrimitiveColumnBuilder<int>(type, capacity, chunkRows),
        KqlType.Long => new PrimitiveColumnBuilder<long>(type, capacity, chunkRows),
        KqlType.Real => new PrimitiveColumnBuilder<double>(type, capacity, chunkRows),
        KqlType.Decimal => new PrimitiveColumnBuilder<decimal>(type, capacity, chunkRows),
        KqlType.DateTime => new PrimitiveColumnBuilder<DateTime>(type, capacity, chunkRows),
        KqlType.TimeSpan => new PrimitiveColumnBuilder<TimeSpan>(type, capacity, chunkRows),
        KqlType.Guid => new PrimitiveColumnBuilder<Guid>(type, capacity, chunkRows),
        KqlType.String or KqlType.Dynamic => new EncodedColumnBuilder(type, capacity, chunkRows),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, null),
    };
}
