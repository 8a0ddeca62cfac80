using System.Collections.Immutable;

namespace Detection.Rules.Model;

/// <summary>Sentinel's incident settings of a rule: whether alerts make incidents and how alerts are grouped.</summary>
public sealed record IncidentConfiguration
{
    public bool CreateIncident { get; init; } = true;

    public bool GroupingEnabled { get; init; }

    public bool ReopenClosedIncident { get; init; }

    public TimeSpan? LookbackDuration { get; init; }

    /// <summary>AllEntities, AnyAlert or Selected.</summary>
    public string MatchingMethod { get; init; } = "AllEntities";

    public ImmutableArray<string> GroupByEntities { get; init; } = [];

    public ImmutableArray<string> GroupByAlertDetails { get; init; } = [];

    public ImmutableArray<string> GroupByCustomDetails { get; init; } = [];

    public FilePosition? Position { get; init; }
}
