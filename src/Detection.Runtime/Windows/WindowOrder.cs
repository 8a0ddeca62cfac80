using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Runtime.Windows;

/// <summary>
/// The canonical row order of a window: TimeGenerated, then (for rows of equal time) their values column by column —
/// strings and dynamics by their UTF-8 bytes, other values by their natural order, null first. Identical rows are
/// interchangeable, so the order is total on content: the same rows give the same order however they arrived.
/// </summary>
internal static class WindowOrder
{
    public static Chunk Merge(TableSymbol schema, int timeColumn, IReadOnlyList<Chunk> chunks)
    {
        var merged = ChunkConcat.Concat(schema, chunks);
        var times = ((PrimitiveColumn<DateTime>)merged.Columns[timeColumn]).Values.ToArray();
        var order = new int[merged.RowCount];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) =>
        {
            var c = times[a].CompareTo(times[b]);
            return c != 0 ? c : CompareValues(merged, a, b);
        });
        if (IsIdentity(order)) return merged;
        return merged.Gather(order);
    }

    private static int CompareValues(Chunk chunk, int a, int b)
    {
        foreach (var column in chunk.Columns)
        {
            var c = column switch
            {
                StringColumn s => s.GetUtf8(a).SequenceCompareTo(s.GetUtf8(b)),
                DynamicColumn d => d.GetJson(a).SequenceCompareTo(d.GetJson(b)),
                _ => Compare(column.GetValue(a), column.GetValue(b)),
            };
            if (c != 0) return c;
        }
        return a.CompareTo(b);
    }

    private static int Compare(object? x, object? y) =>
        x is null ? (y is null ? 0 : -1) : y is null ? 1 : Comparer<object>.Default.Compare(x, y);

    private static bool IsIdentity(int[] order)
    {
        for (var i = 0; i < order.Length; i++)
            if (order[i] != i) return false;
        return true;
    }
}
