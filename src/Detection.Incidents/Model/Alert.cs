using System.Collections.Immutable;

namespace Detection.Incidents.Model;

/// <summary>
/// An alert made by one run of a rule. Immutable. <see cref="Id"/> is derived from the rule id, the run instant and
/// the row key, so the same run over the same data always gives the same id.
/// </summary>
public sealed record Alert
{
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    public required string RuleName { get; init; }

    /// <summary>The alert's name: the rule name, or the alert details override with its placeholders filled.</summary>
    public required string DisplayName { get; init; }

    public string Description { get; init; } = "";

    public Severity Severity { get; init; } = Severity.Medium;

    /// <summary>The run instant r: when the alert was generated (Sentinel's TimeGenerated), in event time.</summary>
    public required DateTime Time { get; init; }

    /// <summary>The earliest TimeGenerated among the alert's rows, or the window start when the result has none.</summary>
    public required DateTime StartTime { get; init; }

    /// <summary>The latest TimeGenerated among the alert's rows, or the window end when the result has none.</summary>
    public required DateTime EndTime { get; init; }

    public ImmutableArray<string> Tactics { get; init; } = [];

    public ImmutableArray<string> Techniques { get; init; } = [];

    /// <summary>Distinct entities (by <see cref="Entity.Key"/>), in the order first seen.</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    /// <summary>Custom detail name → its values (strings, one per row that has a non-empty value, distinct, bounded).</summary>
    public ImmutableSortedDictionary<string, ImmutableArray<string>> CustomDetails { get; init; } =
        ImmutableSortedDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.Ordinal);

    /// <summary>Keys of the evidence rows (an id column's value, or a hash of the row), bounded.</summary>
    public ImmutableArray<string> EvidenceKeys { get; init; } = [];

    /// <summary>The first evidence rows themselves, each a compact JSON object of column → value, bounded in number and size.</summary>
    public ImmutableArray<string> EvidenceRows { get; init; } = [];

    /// <summary>How many result rows the alert covers (1 for an alert per row, more for a summary or a single alert).</summary>
    public int RowCount { get; init; }
}
