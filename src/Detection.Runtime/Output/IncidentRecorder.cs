using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Runtime.Engine;

namespace Detection.Runtime.Output;

/// <summary>
/// The engine's durable effects: groups each firing run's alerts into incidents in the store (one transaction per run,
/// outbox included) and records every run in rule health (buffered, flushed every <see cref="HealthBatch"/> runs and
/// on <see cref="Flush"/>). Remembers what this run of the engine produced, for reports. Store errors propagate to
/// the engine's caller: nothing is acknowledged that was not stored. Not thread-safe.
/// </summary>
public sealed class IncidentRecorder : IObserver<RuleRunOutcome>
{
    public const int HealthBatch = 1000;

    private readonly SqliteIncidentStore _store;
    private readonly IncidentGrouper _grouper;
    private readonly List<RuleHealthRecord> _health = [];
    private readonly List<Alert> _alerts = [];
    private readonly List<string> _incidentIds = [];
    private readonly HashSet<string> _incidentSet = new(StringComparer.Ordinal);
    private readonly Dictionary<string, HashSet<string>> _incidentsByRule = new(StringComparer.Ordinal);

    public IncidentRecorder(SqliteIncidentStore store)
    {
        _store = store;
        _grouper = new IncidentGrouper(store);
    }

    /// <summary>Alerts new to the store, in the order they were made.</summary>
    public IReadOnlyList<Alert> Alerts => _alerts;

    /// <summary>Ids of incidents created or changed, in first-touched order.</summary>
    public IReadOnlyList<string> IncidentIds => _incidentIds;

    /// <summary>The number of distinct incidents each rule created or changed.</summary>
    public int IncidentsOf(string ruleId) => _incidentsByRule.TryGetValue(ruleId, out var set) ? set.Count : 0;

    public void OnNext(RuleRunOutcome outcome)
    {
        if (outcome.Alerts.Count > 0)
        {
            var batch = _grouper.Process(outcome.Rule.Rule, outcome.Alerts);
            _alerts.AddRange(batch.Alerts);
            foreach (var change in batch.Changes)
            {
                var id = change.Incident.Id;
                if (_incidentSet.Add(id)) _incidentIds.Add(id);
                if (!_incidentsByRule.TryGetValue(outcome.Rule.Id, out var set)) _incidentsByRule[outcome.Rule.Id] = set = new(StringComparer.Ordinal);
                set.Add(id);
            }
        }
        _health.Add(outcome.Health);
        if (_health.Count >= HealthBatch) Flush();
    }

    /// <summary>Writes the buffered health records.</summary>
    public void Flush()
    {
        if (_health.Count == 0) return;
        _store.RecordHealth(_health);
        _health.Clear();
    }

    public void OnError(Exception error) => Flush();

    public void OnCompleted() => Flush();
}
