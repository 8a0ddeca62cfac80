using Detection.Kql.Symbols;
using Detection.Runtime.Engine;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Runtime.Replay;

/// <summary>
/// Replays loaded tables through an engine in event-time order: files carry no arrival times, so rows are fed as if
/// they had arrived in time order, slice by slice (each slice [t, t + step) of every table, then a punctuation at
/// t + step). Slices of chunks already in time order share their column data with the loaded tables (no copy).
/// Rows after the range end are not fed (<see cref="RowsAfterRange"/>); rows before its start are fed, for the
/// lookback of the first runs. Not thread-safe.
/// </summary>
public sealed class ReplayFeeder
{
    private readonly List<(TableSymbol Schema, Windows.Segment Segment)> _segments = [];
    private readonly List<Table> _untimed = [];

    public ReplayFeeder(IEnumerable<Table> tables)
    {
        foreach (var table in tables)
        {
            var time = table.Schema.IndexOf("TimeGenerated");
            if (time < 0 || table.Schema.Columns[time].Type != KqlType.DateTime)
            {
                _untimed.Add(table);
                continue;
            }
            foreach (var chunk in table.Chunks)
            {
                var segment = Windows.Segment.FromChunk(chunk, time, 0, out var untimed);
                if (untimed > 0) _untimed.Add(new Table(table.Schema, [Untimed(chunk, time)]));
                if (segment is null) continue;
                _segments.Add((table.Schema, segment));
                First = First is { } f && f <= segment.Min ? f : segment.Min;
                Last = Last is { } l && l >= segment.Max ? l : segment.Max;
            }
        }
    }

    /// <summary>The earliest and latest TimeGenerated of the input; null without timed rows.</summary>
    public DateTime? First { get; }

    public DateTime? Last { get; }

    public long RowsAfterRange { get; private set; }

    /// <summary>Feeds everything before <paramref name="range"/>'s end, then completes the engine at it.</summary>
    public void Run(DetectionEngine engine, ReplayRange range, TimeSpan step, IProgress<ReplayProgress>? progress = null)
    {
        if (!engine.IsStarted) engine.Start(range.From, range.To);
        foreach (var table in _untimed) engine.Ingest(new EventBatch(table));
        long fed = 0;
        if (First is { } first)
        {
            var total = Math.Max(1, (range.To - first).Ticks);
            for (var t = RunGrid.Floor(first, step); t < range.To; t += step)
            {
                var end = t + step < range.To ? t + step : range.To;
                var slice = new List<EventBatch>();
                foreach (var (schema, segment) in _segments)
                {
                    if (segment.Min >= end || segment.Max < t) continue;
                    if (segment.Slice(t, end) is not { } chunk) continue;
                    fed += chunk.RowCount;
                    slice.Add(new EventBatch(new Table(schema, [chunk])));
                }
                engine.Ingest(slice);
                engine.AdvanceWatermark(end);
                progress?.Report(new ReplayProgress(end, (double)(end - first).Ticks / total, fed));
            }
            foreach (var (_, segment) in _segments)
            {
                if (segment.Max >= range.To) RowsAfterRange += segment.RowCount - (segment.Slice(DateTime.MinValue, range.To)?.RowCount ?? 0);
            }
        }
        engine.Complete(range.To);
    }

    private static Chunk Untimed(Chunk chunk, int time)
    {
        return chunk.Gather(Enumerable.Range(0, chunk.RowCount).Where(chunk.Columns[time].IsNull).ToArray());
    }
}
