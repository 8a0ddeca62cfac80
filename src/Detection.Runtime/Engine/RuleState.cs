namespace Detection.Runtime.Engine;

/// <summary>Per-rule scheduling state: suppression and, for NRT rules, how far in event time and arrival they have read.</summary>
internal sealed class RuleState
{
    public DateTime SuppressedUntil { get; set; } = DateTime.MinValue;

    /// <summary>NRT: rows with TimeGenerated before this instant have been run.</summary>
    public DateTime NrtThrough { get; set; }

    /// <summary>NRT: segments up to this arrival sequence have been seen.</summary>
    public long NrtSequence { get; set; }
}
