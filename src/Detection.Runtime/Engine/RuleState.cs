namespace Detection.Runtime.Engine;

/// <summary>Per-rule scheduling state: suppression and, for NRT rules, how far in event time and arrival they have read.</summary>
internal sealed class RuleState
{
    public DateTime SuppressedUntil { get; set; } = DateTime.MinValue;

    /// <summary>NRT: rows with TimeGenerated before this instant have been run.</summary>
    public DateTime NrtThrough { get; set; }

    /// <summary>NRT: rows before this instant never join a run as late rows (the range start, or a resume point: run before).</summary>
    public DateTime NrtFloor { get; set; }

    /// <summary>NRT: segments up to this arrival sequence have been seen.</summary>
    public long NrtSequence { get; set; }
}
