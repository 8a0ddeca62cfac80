using Detection.Kql.Symbols;

namespace Detection.Tables.Columns;

/// <summary>
/// A column whose value i is row <c>rows[i]</c> of <c>columns[i]</c> (a null column: a null value, the empty string for
/// strings): values picked one by one from many columns of one type — the winning rows of groups found in different
/// chunks — copied without boxing; strings get one merged dictionary.
/// </summary>
public static class CellGather
{
    /// <summary>
    /// The gathered column. With <paramref name="visit"/> (a permutation of the indexes) the cells are read in that order:
    /// one that takes the cells of a source column together (<see cref="SourceOrder{T}"/>) reads each source's codes,
    /// dictionary and values while they are in cache, where cells picked in group order from a hundred chunks cost a few
    /// cache misses each.
    /// </summary>
    public static Column Gather(KqlType type, IReadOnlyList<Column?> columns, IReadOnlyList<int> rows, int[]? visit = null)
    {
        var first = columns.FirstOrDefault(c => c is not null);
        if (first is null) return ColumnFactory.FromValues(type, new object?[rows.Count]);
        if (columns.Any(c => c is not null && c.GetType() != first.GetType()) || first.Type != type)
            return ColumnFactory.FromValues(type, Boxed(columns, rows));
        return first switch
        {
            StringColumn => Encoded(columns, rows, visit, (length, dictionary, codes) => new StringColumn(length, dictionary, codes)),
            DynamicColumn => Encoded(columns, rows, visit, (length, dictionary, codes) => new DynamicColumn(length, dictionary, codes)),
            PrimitiveColumn<bool> => Primitive<bool>(type, columns, rows, visit),
            PrimitiveColumn<int> => Primitive<int>(type, columns, rows, visit),
            PrimitiveColumn<long> => Primitive<long>(type, columns, rows, visit),
            PrimitiveColumn<double> => Primitive<double>(type, columns, rows, visit),
            PrimitiveColumn<decimal> => Primitive<decimal>(type, columns, rows, visit),
            PrimitiveColumn<DateTime> => Primitive<DateTime>(type, columns, rows, visit),
            PrimitiveColumn<TimeSpan> => Primitive<TimeSpan>(type, columns, rows, visit),
            PrimitiveColumn<Guid> => Primitive<Guid>(type, columns, rows, visit),
            _ => ColumnFactory.FromValues(type, Boxed(columns, rows)),
        };
    }

    /// <summary>
    /// A visiting order for <see cref="Gather(KqlType, IReadOnlyList{Column?}, IReadOnlyList{int}, int[])"/> that takes
    /// the cells of each source together (sources in order of first appearance, cells in index order within one):
    /// <paramref name="sourceOf"/> gives each cell's source (any reference the cells of one source share), null for none.
    /// </summary>
    public static int[] SourceOrder<T>(IReadOnlyList<T?> sourceOf)
        where T : class
    {
        var bucketOf = new Dictionary<T, int>(ReferenceEqualityComparer.Instance);
        var buckets = new int[sourceOf.Count];
        var sizes = new List<int> { 0 }; // bucket 0: no source
        T? last = null;
        var lastBucket = 0;
        for (var i = 0; i < buckets.Length; i++)
        {
            var source = sourceOf[i];
            if (source is null) (last, lastBucket) = (null, 0);
            else if (!ReferenceEquals(source, last))
            {
                ref var bucket = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(bucketOf, source, out var known);
                if (!known)
                {
                    bucket = sizes.Count;
                    sizes.Add(0);
                }
                (last, lastBucket) = (source, bucket);
            }
            buckets[i] = lastBucket;
            sizes[lastBucket]++;
        }
        var starts = new int[sizes.Count];
        for (var b = 1; b < starts.Length; b++) starts[b] = starts[b - 1] + sizes[b - 1];
        var visit = new int[buckets.Length];
        for (var i = 0; i < buckets.Length; i++) visit[starts[buckets[i]]++] = i;
        return visit;
    }

    private static object?[] Boxed(IReadOnlyList<Column?> columns, IReadOnlyList<int> rows)
    {
        var values = new object?[rows.Count];
        for (var i = 0; i < values.Length; i++) values[i] = columns[i]?.GetValue(rows[i]);
        return values;
    }

    private static Column Encoded(IReadOnlyList<Column?> columns, IReadOnlyList<int> rows, int[]? visit, Func<int, Utf8Dictionary, CodeArray, Column> make)
    {
        var runs = new CodeRun[rows.Count];
        for (var j = 0; j < runs.Length; j++)
        {
            var i = visit is null ? j : visit[j];
            runs[j] = columns[i] switch
            {
                StringColumn s => new CodeRun(s.Dictionary, s.Codes, rows[i], 1),
                DynamicColumn d => new CodeRun(d.Dictionary, d.Codes, rows[i], 1),
                _ => new CodeRun(null, null, 0, 1),
            };
        }
        var (merged, codes) = MergedCodes.Of(runs, runs.Length);
        if (visit is not null)
        {
            var visited = codes;
            codes = new int[visited.Length];
            for (var j = 0; j < visited.Length; j++) codes[visit[j]] = visited[j];
        }
        return make(runs.Length, merged, CodeArray.From(codes, merged.Count));
    }

    private static PrimitiveColumn<T> Primitive<T>(KqlType type, IReadOnlyList<Column?> columns, IReadOnlyList<int> rows, int[]? visit)
        where T : unmanaged
    {
        var values = new T[rows.Count];
        bool[]? nulls = null;
        for (var j = 0; j < values.Length; j++)
        {
            var i = visit is null ? j : visit[j];
            if (columns[i] is not PrimitiveColumn<T> column || column.IsNull(rows[i])) (nulls ??= new bool[values.Length])[i] = true;
            else values[i] = column.Get(rows[i]);
        }
        return ColumnFactory.Primitive(type, values, nulls);
    }
}
