using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Runtime.Windows;

/// <summary>
/// Retained rows of one table that arrived together: one chunk sorted by TimeGenerated (no null times), its time
/// range, its arrival sequence number and the bytes it is charged against the memory budget. Immutable.
/// </summary>
internal sealed class Segment
{
    private Segment(Chunk chunk, int timeColumn, long sequence, long bytes)
    {
        Chunk = chunk;
        Times = (PrimitiveColumn<DateTime>)chunk.Columns[timeColumn];
        Sequence = sequence;
        Bytes = bytes;
        Min = Times.Get(0);
        Max = Times.Get(chunk.RowCount - 1);
    }

    public Chunk Chunk { get; }

    public PrimitiveColumn<DateTime> Times { get; }

    public long Sequence { get; }

    public long Bytes { get; }

    public DateTime Min { get; }

    public DateTime Max { get; }

    public int RowCount => Chunk.RowCount;

    /// <summary>
    /// The rows of <paramref name="chunk"/> with a TimeGenerated, sorted by it (stable); null when none has one.
    /// <paramref name="untimed"/> counts the rows left out. A chunk already in order is kept as it is (no copy).
    /// </summary>
    public static Segment? FromChunk(Chunk chunk, int timeColumn, long sequence, out int untimed)
    {
        var times = (PrimitiveColumn<DateTime>)chunk.Columns[timeColumn];
        var rows = new List<int>(chunk.RowCount);
        var sorted = true;
        var previous = DateTime.MinValue;
        for (var i = 0; i < chunk.RowCount; i++)
        {
            if (times.IsNull(i)) continue;
            var t = times.Get(i);
            if (t < previous) sorted = false;
            previous = t;
            rows.Add(i);
        }
        untimed = chunk.RowCount - rows.Count;
        if (rows.Count == 0) return null;
        var bytes = chunk.EstimatedBytes * rows.Count / Math.Max(1, chunk.RowCount);
        if (sorted && untimed == 0) return new Segment(chunk, timeColumn, sequence, bytes);
        var order = rows.ToArray();
        if (!sorted)
        {
            // Array.Sort is not stable; ties keep their arrival order through the row index as a second key.
            Array.Sort(order, (a, b) => CompareRows(times, a, b));
        }
        return new Segment(chunk.Gather(order), timeColumn, sequence, bytes);
    }

    /// <summary>The rows with TimeGenerated in [<paramref name="from"/>, <paramref name="to"/>) as a chunk; null when none.</summary>
    public Chunk? Slice(DateTime from, DateTime to)
    {
        if (from <= Min && Max < to) return Chunk;
        var lo = LowerBound(from);
        var hi = LowerBound(to);
        if (hi <= lo) return null;
        return Range(lo, hi);
    }

    /// <summary>The distinct values of ⌈TimeGenerated / interval⌉·interval (the NRT run instants) of rows in [from, to).</summary>
    public IEnumerable<DateTime> RunInstants(DateTime from, DateTime to, TimeSpan interval)
    {
        var lo = LowerBound(from);
        var hi = LowerBound(to);
        var last = DateTime.MinValue;
        for (var i = lo; i < hi; i++)
        {
            var t = Times.Get(i);
            var r = new DateTime((t.Ticks / interval.Ticks + 1) * interval.Ticks, DateTimeKind.Utc);
            if (r == last) continue;
            last = r;
            yield return r;
        }
    }

    private Chunk Range(int lo, int hi)
    {
        var rows = new int[hi - lo];
        for (var i = 0; i < rows.Length; i++) rows[i] = lo + i;
        return Chunk.Gather(rows);
    }

    private int LowerBound(DateTime time)
    {
        int lo = 0, hi = Chunk.RowCount;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (Times.Get(mid) < time) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    private static int CompareRows(PrimitiveColumn<DateTime> times, int a, int b)
    {
        var c = times.Get(a).CompareTo(times.Get(b));
        return c != 0 ? c : a.CompareTo(b);
    }
}
