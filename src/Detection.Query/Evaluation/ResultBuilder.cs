using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Building;
using Detection.Tables.Columns;

namespace Detection.Query.Evaluation;

/// <summary>
/// Turns the final chunk views into a result <see cref="Table"/>. A view that selects every row of its chunk is kept
/// as it is (no copy); selected rows are copied, in order, into new chunks.
/// </summary>
internal sealed class ResultBuilder(TableSymbol schema)
{
    private readonly List<Chunk> _chunks = [];
    private readonly TableBuilder _copies = new(schema);

    public Table Build(IEnumerable<ChunkView> views)
    {
        foreach (var view in views)
        {
            if (view.Rows is null)
            {
                FlushCopies();
                _chunks.Add(view.Chunk);
                continue;
            }
            foreach (var row in view.Rows) CopyRow(view.Chunk, row);
        }
        FlushCopies();
        return new Table(schema, _chunks);
    }

    private void FlushCopies()
    {
        if (_copies.RowCount == 0) return;
        _chunks.AddRange(_copies.Build().Chunks);
    }

    private void CopyRow(Chunk chunk, int row)
    {
        for (var ordinal = 0; ordinal < chunk.Columns.Length; ordinal++)
        {
            var column = chunk.Columns[ordinal];
            if (column.IsNull(row)) continue;
            switch (column)
            {
                case StringColumn strings: _copies.SetStringUtf8(ordinal, strings.GetUtf8(row)); break;
                case DynamicColumn dynamic: _copies.SetDynamicJson(ordinal, dynamic.GetJson(row)); break;
                case PrimitiveColumn<bool> c: _copies.SetBool(ordinal, c.Get(row)); break;
                case PrimitiveColumn<int> c: _copies.SetInt(ordinal, c.Get(row)); break;
                case PrimitiveColumn<long> c: _copies.SetLong(ordinal, c.Get(row)); break;
                case PrimitiveColumn<double> c: _copies.SetReal(ordinal, c.Get(row)); break;
                case PrimitiveColumn<decimal> c: _copies.SetDecimal(ordinal, c.Get(row)); break;
                case PrimitiveColumn<DateTime> c: _copies.SetDateTime(ordinal, c.Get(row)); break;
                case PrimitiveColumn<TimeSpan> c: _copies.SetTimeSpan(ordinal, c.Get(row)); break;
                case PrimitiveColumn<Guid> c: _copies.SetGuid(ordinal, c.Get(row)); break;
                default: throw new NotSupportedException(column.GetType().Name);
            }
        }
        _copies.CommitRow();
    }
}
