using Detection.Kql.Symbols;
using Detection.Tables;

namespace Detection.Runtime.Windows;

/// <summary>
/// The retained rows of one table as time-sorted segments, ordered by their earliest time (then arrival). A query
/// window is a table made of the segments' chunks that fall in it; a segment crossing a bound is sliced (binary search),
/// one inside is shared without copying. Reads (windows, NRT instants) may run on several threads at once, never while
/// a write (<see cref="Add"/>, eviction) is under way.
/// </summary>
internal sealed class TableWindow(TableSymbol schema, int timeColumn)
{
    private readonly List<Segment> _segments = [];

    public TableSymbol Schema { get; } = schema;

    public int TimeColumn { get; } = timeColumn;

    public long Bytes { get; private set; }

    public int SegmentCount => _segments.Count;

    /// <summary>The latest time of rows dropped for the memory budget; windows starting before it are incomplete.</summary>
    public DateTime? TruncatedThrough { get; private set; }

    public void Add(Segment segment)
    {
        var index = _segments.Count;
        while (index > 0 && Compare(_segments[index - 1], segment) > 0) index--;
        _segments.Insert(index, segment);
        Bytes += segment.Bytes;
    }

    /// <summary>
    /// Rows with TimeGenerated in [from, to), in one canonical order: by time, rows of equal time by their values. Segments
    /// that do not overlap are shared as they are; overlapping ones (batches of several partitions or files interleaved)
    /// are merged, so that a window's row order — and with it make_set/make_list order and row-keyed alert ids — does
    /// not depend on how the rows arrived.
    /// </summary>
    public Table Window(DateTime from, DateTime to)
    {
        var chunks = new List<Chunk>();
        var overlap = false;
        var latest = DateTime.MinValue;
        foreach (var segment in _segments)
        {
            if (segment.Min >= to) break;
            if (segment.Max < from) continue;
            if (segment.Slice(from, to) is not { } chunk) continue;
            var times = (Tables.Columns.PrimitiveColumn<DateTime>)chunk.Columns[TimeColumn];
            if (chunks.Count > 0 && times.Get(0) <= latest) overlap = true;
            var last = times.Get(chunk.RowCount - 1);
            if (last > latest) latest = last;
            chunks.Add(chunk);
        }
        return new Table(Schema, overlap ? [WindowOrder.Merge(Schema, TimeColumn, chunks)] : chunks);
    }

    /// <summary>Rows that arrived after <paramref name="sequence"/> with TimeGenerated in [from, before) (late rows for NRT).</summary>
    public IEnumerable<Chunk> ArrivedAfter(long sequence, DateTime from, DateTime before)
    {
        foreach (var segment in _segments)
        {
            if (segment.Min >= before) break;
            if (segment.Sequence > sequence && segment.Slice(from, before) is { } chunk) yield return chunk;
        }
    }

    /// <summary>NRT run instants on the <paramref name="interval"/> grid of rows with TimeGenerated in [from, to).</summary>
    public IEnumerable<DateTime> RunInstants(DateTime from, DateTime to, TimeSpan interval)
    {
        foreach (var segment in _segments)
        {
            if (segment.Min >= to) break;
            if (segment.Max < from) continue;
            foreach (var r in segment.RunInstants(from, to, interval)) yield return r;
        }
    }

    /// <summary>Drops segments whose rows are all older than <paramref name="horizon"/>; returns the bytes freed.</summary>
    public long EvictBefore(DateTime horizon)
    {
        long freed = 0;
        _segments.RemoveAll(s =>
        {
            if (s.Max >= horizon) return false;
            freed += s.Bytes;
            return true;
        });
        Bytes -= freed;
        return freed;
    }

    /// <summary>Drops the oldest segment for the memory budget; returns the bytes and rows freed (0 when empty).</summary>
    public (long Bytes, int Rows) EvictOldest()
    {
        if (_segments.Count == 0) return (0, 0);
        var oldest = _segments.MinBy(s => s.Max)!;
        _segments.Remove(oldest);
        Bytes -= oldest.Bytes;
        TruncatedThrough = TruncatedThrough is { } t && t > oldest.Max ? t : oldest.Max;
        return (oldest.Bytes, oldest.RowCount);
    }

    /// <summary>The smallest arrival sequence among retained segments; null when none is retained.</summary>
    public long? OldestSequence => _segments.Count == 0 ? null : _segments.Min(s => s.Sequence);

    public DateTime? OldestMax => _segments.Count == 0 ? null : _segments.Min(s => s.Max);

    private static int Compare(Segment a, Segment b)
    {
        var c = a.Min.CompareTo(b.Min);
        return c != 0 ? c : a.Sequence.CompareTo(b.Sequence);
    }
}
