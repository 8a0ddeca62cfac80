using System.Collections.Immutable;
using Detection.Incidents.Model;

namespace Detection.Incidents.Grouping;

/// <summary>What an incident change is, as the outbox reports it.</summary>
public enum ChangeKind
{
    /// <summary>A new incident with its first alerts.</summary>
    Created,

    /// <summary>Alerts joined an open incident.</summary>
    AlertsAdded,

    /// <summary>Alerts joined a closed incident, which was reopened (reopenClosedIncident).</summary>
    Reopened,

    /// <summary>An analyst changed status, classification, owner or labels, or commented.</summary>
    Updated,
}

/// <summary>One incident after a change, with the alerts the change added.</summary>
public sealed record IncidentChange(Incident Incident, ChangeKind Kind, ImmutableArray<string> AddedAlertIds);

/// <summary>The result of grouping one run's alerts: the alerts new to the store and the incidents they create or change.</summary>
public sealed record IncidentBatch(ImmutableArray<Alert> Alerts, ImmutableArray<IncidentChange> Changes)
{
    public static readonly IncidentBatch Empty = new([], []);
}
