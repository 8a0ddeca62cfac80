using Detection.Kql.Symbols;

namespace Detection.Tables.Columns;

/// <summary>
/// A column whose value i is row <c>rows[i]</c> of <c>columns[i]</c> (a null column: a null value, the empty string for
/// strings): values picked one by one from many columns of one type — the winning rows of groups found in different
/// chunks — copied without boxing; strings get one merged dictionary.
/// </summary>
public static class CellGather
{
    public static Column Gather(KqlType type, IReadOnlyList<Column?> columns, IReadOnlyList<int> rows)
    {
        var first = columns.FirstOrDefault(c => c is not null);
        if (first is null) return ColumnFactory.FromValues(type, new object?[rows.Count]);
        if (columns.Any(c => c is not null && c.GetType() != first.GetType()) || first.Type != type)
            return ColumnFactory.FromValues(type, Boxed(columns, rows));
        return first switch
        {
            StringColumn => Encoded(columns, rows, (length, dictionary, codes) => new StringColumn(length, dictionary, codes)),
            DynamicColumn => Encoded(columns, rows, (length, dictionary, codes) => new DynamicColumn(length, dictionary, codes)),
            PrimitiveColumn<bool> => Primitive<bool>(type, columns, rows),
            PrimitiveColumn<int> => Primitive<int>(type, columns, rows),
            PrimitiveColumn<long> => Primitive<long>(type, columns, rows),
            PrimitiveColumn<double> => Primitive<double>(type, columns, rows),
            PrimitiveColumn<decimal> => Primitive<decimal>(type, columns, rows),
            PrimitiveColumn<DateTime> => Primitive<DateTime>(type, columns, rows),
            PrimitiveColumn<TimeSpan> => Primitive<TimeSpan>(type, columns, rows),
            PrimitiveColumn<Guid> => Primitive<Guid>(type, columns, rows),
            _ => ColumnFactory.FromValues(type, Boxed(columns, rows)),
        };
    }

    private static object?[] Boxed(IReadOnlyList<Column?> columns, IReadOnlyList<int> rows)
    {
        var values = new object?[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = columns[i]?.GetValue(rows[i]);
        return values;
    }

    private static Column Encoded(IReadOnlyList<Column?> columns, IReadOnlyList<int> rows, Func<int, Utf8Dictionary, CodeArray, Column> make)
    {
        var runs = new CodeRun[rows.Count];
        for (var i = 0; i < runs.Length; i++)
        {
            runs[i] = columns[i] switch
            {
                StringColumn s => new CodeRun(s.Dictionary, s.Codes, rows[i], 1),
                DynamicColumn d => new CodeRun(d.Dictionary, d.Codes, rows[i], 1),
                _ => new CodeRun(null, null, 0, 1),
            };
        }
        var (merged, codes) = MergedCodes.Of(runs, runs.Length);
        return make(runs.Length, merged, CodeArray.From(codes, merged.Count));
    }

    private static PrimitiveColumn<T> Primitive<T>(KqlType type, IReadOnlyList<Column?> columns, IReadOnlyList<int> rows)
        where T : unmanaged
    {
        var values = new T[rows.Count];
        bool[]? nulls = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (columns[i] is not PrimitiveColumn<T> column || column.IsNull(rows[i])) (nulls ??= new bool[values.Length])[i] = true;
            else values[i] = column.Get(rows[i]);
        }
        return ColumnFactory.Primitive(type, values, nulls);
    }
}
