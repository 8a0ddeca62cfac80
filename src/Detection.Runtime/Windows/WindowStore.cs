using Detection.Kql.Symbols;
using Detection.Runtime.Engine;
using Detection.Tables;

namespace Detection.Runtime.Windows;

/// <summary>
/// The retained rows of every table the loaded rules read, each kept only as long as the longest queryPeriod among the
/// rules reading it, within one memory budget for all tables. When the budget would be exceeded the oldest segments go
/// first (whichever table they belong to) and the table remembers how far it was cut, so runs that needed those rows are
/// reported as Degraded (README.md, "Memory"). Reads may run on several threads at once (the runs of one instant),
/// never while <see cref="Add"/> or <see cref="Evict"/> is under way: the engine writes only between runs.
/// </summary>
internal sealed class WindowStore(Func<string, TimeSpan?> retention, long budgetBytes)
{
    private readonly Dictionary<string, TableWindow> _tables = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TableStatistics> _statistics = new(StringComparer.Ordinal);
    private long _sequence;

    public IReadOnlyDictionary<string, TableStatistics> Statistics => _statistics;

    public long Bytes => _tables.Values.Sum(t => t.Bytes);

    public long Sequence => _sequence;

    public TableStatistics StatisticsOf(string table)
    {
        if (!_statistics.TryGetValue(table, out var stats)) _statistics[table] = stats = new TableStatistics(table);
        return stats;
    }

    /// <summary>Adds a batch; rows with TimeGenerated before <paramref name="lateBefore"/> (the latest run instant) are counted late, and still kept for windows not yet run.</summary>
    /// <returns>The latest TimeGenerated of the batch; null when no row has one.</returns>
    public DateTime? Add(Table batch, DateTime lateBefore)
    {
        var stats = StatisticsOf(batch.Name);
        stats.Read += batch.RowCount;
        var time = batch.Schema.IndexOf("TimeGenerated");
        if (time < 0 || batch.Schema.Columns[time].Type != KqlType.DateTime)
        {
            stats.Untimed += batch.RowCount;
            return null;
        }
        var window = Window(batch.Schema, time);
        DateTime? latest = null;
        foreach (var chunk in batch.Chunks)
        {
            var segment = Segment.FromChunk(chunk, time, ++_sequence, out var untimed);
            stats.Untimed += untimed;
            if (segment is null) continue;
            if (latest is null || segment.Max > latest) latest = segment.Max;
            if (segment.Min < lateBefore) stats.Late += CountBefore(segment, lateBefore);
            if (window is null) continue;
            window.Add(segment);
        }
        return latest;
    }

    /// <summary>The smallest arrival sequence a future run may still read; null when nothing is retained.</summary>
    public long? OldestRetainedSequence => _tables.Values.Select(t => t.OldestSequence).Where(s => s is not null).Min();

    public TableWindow? Find(string table) => _tables.GetValueOrDefault(table);

    public IEnumerable<TableWindow> Tables => _tables.Values;

    /// <summary>Drops rows no future run needs (older than clock − the table's retention), then enforces the budget.</summary>
    public void Evict(DateTime clock)
    {
        foreach (var (name, window) in _tables)
            window.EvictBefore(clock - (retention(name) ?? TimeSpan.Zero));
        var bytes = Bytes;
        while (bytes > budgetBytes)
        {
            var victim = _tables.Values.Where(t => t.SegmentCount > 0).MinBy(t => t.OldestMax);
            if (victim is null) break;
            var (freed, rows) = victim.EvictOldest();
            bytes -= freed;
            StatisticsOf(victim.Schema.Name).DroppedForBudget += rows;
        }
    }

    private TableWindow? Window(TableSymbol schema, int time)
    {
        if (retention(schema.Name) is null) return null;
        StatisticsOf(schema.Name).Retained = true;
        if (!_tables.TryGetValue(schema.Name, out var window))
            _tables[schema.Name] = window = new TableWindow(schema, time);
        else if (window.Schema.Columns.Length != schema.Columns.Length || window.TimeColumn != time)
            throw new ArgumentException($"table {schema.Name}: a batch has {schema.Columns.Length} columns, earlier batches {window.Schema.Columns.Length}; one table must keep one schema");
        return window;
    }

    private static long CountBefore(Segment segment, DateTime time)
    {
        long count = 0;
        foreach (var t in segment.Times.Values)
        {
            if (t >= time) break; // sorted
            count++;
        }
        return count;
    }
}
