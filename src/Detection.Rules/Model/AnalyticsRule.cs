using System.Collections.Immutable;

namespace Detection.Rules.Model;

public enum RuleKind
{
    Scheduled,
    Nrt,
}

/// <summary>
/// A Sentinel analytics rule as read from its YAML file. Fields the engine does not use are kept in
/// <see cref="Fields"/> (every top-level key with its raw node), so nothing of an exported rule is lost.
/// </summary>
public sealed record AnalyticsRule
{
    public required string File { get; init; }

    public string? Id { get; init; }

    public string? Name { get; init; }

    public string? Description { get; init; }

    public string? Severity { get; init; }

    public RuleKind Kind { get; init; } = RuleKind.Scheduled;

    public TimeSpan? QueryFrequency { get; init; }

    public TimeSpan? QueryPeriod { get; init; }

    /// <summary>The trigger operator normalised to gt, lt, eq or ne.</summary>
    public string? TriggerOperator { get; init; }

    public int? TriggerThreshold { get; init; }

    public ImmutableArray<string> Tactics { get; init; } = [];

    public ImmutableArray<string> RelevantTechniques { get; init; } = [];

    public string? Query { get; init; }

    /// <summary>Where the query text starts in the file, to translate query positions into file positions.</summary>
    public QueryLocation? QueryLocation { get; init; }

    public ImmutableArray<EntityMapping> EntityMappings { get; init; } = [];

    public ImmutableDictionary<string, string> CustomDetails { get; init; } = ImmutableDictionary<string, string>.Empty;

    public string? AlertDisplayNameFormat { get; init; }

    public string? AlertDescriptionFormat { get; init; }

    /// <summary>SingleAlert (the default) or AlertPerResult.</summary>
    public string AggregationKind { get; init; } = "SingleAlert";

    public IncidentConfiguration? IncidentConfiguration { get; init; }

    public bool SuppressionEnabled { get; init; }

    public TimeSpan? SuppressionDuration { get; init; }

    public string? Version { get; init; }

    /// <summary>Every top-level field of the file, by name, as its YAML text position and raw node.</summary>
    public ImmutableDictionary<string, RuleField> Fields { get; init; } = ImmutableDictionary<string, RuleField>.Empty;
}

/// <summary>Where a value stands in the rule file (1-based).</summary>
public sealed record FilePosition(int Line, int Column);

/// <summary>A top-level field: its position and its raw YAML node (kept for fields we do not interpret).</summary>
public sealed record RuleField(string Name, FilePosition Position, YamlDotNet.RepresentationModel.YamlNode Node);

/// <summary>
/// How the query's text maps onto the file: in a literal block (<c>query: |</c>) query line k is file line
/// <see cref="FirstLine"/> + k and columns shift by <see cref="Indent"/>; other styles map every position to the value's start.
/// </summary>
public sealed record QueryLocation(int FirstLine, int Indent, bool IsExact);
