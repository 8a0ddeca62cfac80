using System.Collections.Immutable;
using Detection.Incidents.Model;

namespace Detection.Incidents.Grouping;

/// <summary>The incidents a batch creates or changes, in the order first touched, before they are saved.</summary>
internal sealed class Pending
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public Incident? Current(string id) => _entries.TryGetValue(id, out var e) ? e.Incident : null;

    /// <summary>The latest incident of the batch (by t0, then the last opened) with this rule and key and t0 after the time.</summary>
    public Incident? Latest(string ruleId, string key, DateTime createdAfter) =>
        _order.Select(id => _entries[id].Incident)
            .Where(i => i.RuleId == ruleId && i.MatchKey == key && i.CreatedTime > createdAfter)
            .Select((incident, index) => (incident, index))
            .OrderByDescending(x => x.incident.CreatedTime).ThenByDescending(x => x.index)
            .Select(x => x.incident)
            .FirstOrDefault();

    public void Open(Incident incident)
    {
        _order.Add(incident.Id);
        _entries[incident.Id] = new Entry(incident, ChangeKind.Created, [.. incident.AlertIds]);
    }

    public void Join(Incident incident, Alert alert)
    {
        var entry = _entries.TryGetValue(incident.Id, out var e) ? e : null;
        var reopen = incident.Status == IncidentStatus.Closed;
        var updated = incident with
        {
            AlertIds = incident.AlertIds.Add(alert.Id),
            Entities = incident.Entities.Concat(alert.Entities).DistinctBy(x => x.Key).ToImmutableArray(),
            Severity = alert.Severity > incident.Severity ? alert.Severity : incident.Severity,
            LastModifiedTime = alert.Time > incident.LastModifiedTime ? alert.Time : incident.LastModifiedTime,
            FirstActivityTime = alert.StartTime < incident.FirstActivityTime ? alert.StartTime : incident.FirstActivityTime,
            LastActivityTime = alert.EndTime > incident.LastActivityTime ? alert.EndTime : incident.LastActivityTime,
            Status = reopen ? IncidentStatus.Active : incident.Status,
            Classification = reopen ? null : incident.Classification,
            Version = entry is null ? incident.Version + 1 : incident.Version,
        };
        if (entry is null)
        {
            _order.Add(incident.Id);
            entry = new Entry(updated, reopen ? ChangeKind.Reopened : ChangeKind.AlertsAdded, []);
        }
        else if (reopen)
        {
            entry = entry with { Kind = entry.Kind == ChangeKind.Created ? ChangeKind.Created : ChangeKind.Reopened };
        }
        entry.Added.Add(alert.Id);
        _entries[incident.Id] = entry with { Incident = updated };
    }

    public ImmutableArray<IncidentChange> Changes() =>
        _order.Select(id => _entries[id]).Select(e => new IncidentChange(e.Incident, e.Kind, [.. e.Added])).ToImmutableArray();

    private sealed record Entry(Incident Incident, ChangeKind Kind, List<string> Added);
}
