using System.Collections.Immutable;

namespace Detection.Incidents.Model;

/// <summary>
/// An incident: alerts of one rule grouped by the rule's incident configuration, and the analyst's triage of them.
/// Immutable; every change makes a new value with <see cref="Version"/> + 1. Times are event times (or the
/// analyst's clock for updates), never read from the wall clock by this library.
/// </summary>
public sealed record Incident
{
    /// <summary>Derived from the rule id and the first alert's id, so replays give the same id.</summary>
    public required string Id { get; init; }

    public required string RuleId { get; init; }

    public string RuleName { get; init; } = "";

    /// <summary>The first alert's name.</summary>
    public required string Title { get; init; }

    public string Description { get; init; } = "";

    /// <summary>The highest severity among the alerts.</summary>
    public Severity Severity { get; init; }

    public IncidentStatus Status { get; init; } = IncidentStatus.New;

    public IncidentClassification? Classification { get; init; }

    public string? Owner { get; init; }

    /// <summary>The first alert's time t0, which anchors the grouping time frame.</summary>
    public required DateTime CreatedTime { get; init; }

    public required DateTime LastModifiedTime { get; init; }

    /// <summary>The earliest StartTime among the alerts.</summary>
    public required DateTime FirstActivityTime { get; init; }

    /// <summary>The latest EndTime among the alerts.</summary>
    public required DateTime LastActivityTime { get; init; }

    /// <summary>Alert ids in the order they joined.</summary>
    public ImmutableArray<string> AlertIds { get; init; } = [];

    /// <summary>Distinct entities of all the alerts.</summary>
    public ImmutableArray<Entity> Entities { get; init; } = [];

    public ImmutableArray<string> Labels { get; init; } = [];

    /// <summary>The grouping key (a hash of the matching method and the matched values) alerts must share to join.</summary>
    public required string MatchKey { get; init; }

    /// <summary>1 when created, + 1 on every change; (Id, Version) identifies one outbox message.</summary>
    public int Version { get; init; } = 1;
}

/// <summary>An analyst's comment on an incident.</summary>
public sealed record Comment(DateTime Time, string Author, string Text);

/// <summary>One entry of an incident's timeline: created, alert added, reopened, status/owner/classification changed, commented.</summary>
public sealed record TimelineEntry(DateTime Time, string Kind, string Detail);
