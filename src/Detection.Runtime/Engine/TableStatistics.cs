namespace Detection.Runtime.Engine;

/// <summary>
/// What the engine saw of one table: rows read, rows that arrived later than the allowed lateness, rows without a
/// TimeGenerated (never in any window), and rows dropped to stay within the memory budget. Mutable counters owned by the engine.
/// </summary>
public sealed class TableStatistics(string table)
{
    public string Table { get; } = table;

    public long Read { get; internal set; }

    public long Late { get; internal set; }

    public long Untimed { get; internal set; }

    public long DroppedForBudget { get; internal set; }

    /// <summary>Rows of tables no loaded rule reads: counted, not retained.</summary>
    public bool Retained { get; internal set; }
}
