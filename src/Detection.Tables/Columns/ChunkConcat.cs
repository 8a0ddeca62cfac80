using Detection.Kql.Symbols;
using Detection.Tables.Building;

namespace Detection.Tables.Columns;

/// <summary>
/// Concatenates chunks into one, column by column, without boxing: primitive values and null masks are copied; string
/// and dynamic columns get one merged dictionary (each source dictionary entry is interned once) and remapped codes.
/// For operators that need a table's rows in one chunk (window functions over neighbouring rows).
/// </summary>
public static class ChunkConcat
{
    /// <summary>One chunk with the rows of <paramref name="chunks"/> in order; every chunk must have the schema's columns.</summary>
    public static Chunk Concat(TableSymbol schema, IReadOnlyList<Chunk> chunks)
    {
        if (chunks.Count == 1) return chunks[0];
        var rows = chunks.Sum(c => c.RowCount);
        var columns = new Column[schema.Columns.Length];
        for (var c = 0; c < columns.Length; c++)
        {
            var parts = chunks.Select(chunk => chunk.Columns[c]).ToList();
            columns[c] = parts.Count == 0 ? ColumnFactory.FromValues(schema.Columns[c].Type, []) : Concat(parts, rows);
        }
        return new Chunk(rows, columns);
    }

    private static Column Concat(List<Column> parts, int rows) => parts[0] switch
    {
        StringColumn => Encoded(parts, rows, (length, dictionary, codes) => new StringColumn(length, dictionary, codes)),
        DynamicColumn => Encoded(parts, rows, (length, dictionary, codes) => new DynamicColumn(length, dictionary, codes)),
        PrimitiveColumn<bool> => Primitive<bool>(parts, rows),
        PrimitiveColumn<int> => Primitive<int>(parts, rows),
        PrimitiveColumn<long> => Primitive<long>(parts, rows),
        PrimitiveColumn<double> => Primitive<double>(parts, rows),
        PrimitiveColumn<decimal> => Primitive<decimal>(parts, rows),
        PrimitiveColumn<DateTime> => Primitive<DateTime>(parts, rows),
        PrimitiveColumn<TimeSpan> => Primitive<TimeSpan>(parts, rows),
        PrimitiveColumn<Guid> => Primitive<Guid>(parts, rows),
        _ => ColumnFactory.FromValues(parts[0].Type, parts.SelectMany(p => Enumerable.Range(0, p.Length).Select(p.GetValue)).ToList()),
    };

    private static Column Encoded(List<Column> parts, int rows, Func<int, Utf8Dictionary, CodeArray, Column> make)
    {
        var sources = parts.Select(part => part switch
        {
            StringColumn s => (s.Dictionary, s.Codes),
            DynamicColumn d => (d.Dictionary, d.Codes),
            _ => throw new ArgumentException($"a {part.Type} column cannot join a string or dynamic one"),
        }).ToList();
        // Parts cut from one column (replay slices, filtered rows) share its dictionary: then only codes are copied.
        if (sources.All(s => ReferenceEquals(s.Dictionary, sources[0].Dictionary)))
        {
            var codes = new int[rows];
            var at = 0;
            foreach (var (_, source) in sources)
                for (var row = 0; row < source.Length; row++) codes[at++] = source[row];
            return make(rows, sources[0].Dictionary, CodeArray.From(codes, sources[0].Dictionary.Count));
        }
        var (merged, mergedCodes) = MergedCodes.Of(sources.Select(s => new CodeRun(s.Dictionary, s.Codes, 0, s.Codes.Length)).ToList(), rows);
        return make(rows, merged, CodeArray.From(mergedCodes, merged.Count));
    }

    private static Column Primitive<T>(List<Column> parts, int rows)
        where T : unmanaged
    {
        var values = new T[rows];
        bool[]? nulls = null;
        var at = 0;
        foreach (var part in parts)
        {
            var column = (PrimitiveColumn<T>)part;
            if (column.IsAllNull) (nulls ??= new bool[rows]).AsSpan(at, column.Length).Fill(true);
            else
            {
                column.Values.CopyTo(values.AsSpan(at));
                for (var row = 0; row < column.Length; row++)
                {
                    if (column.IsNull(row)) (nulls ??= new bool[rows])[at + row] = true;
                }
            }
            at += column.Length;
        }
        return ColumnFactory.Primitive(parts[0].Type, values, nulls);
    }
}
