using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Runtime.Engine;

namespace Detection.Runtime.Output;

/// <summary>
/// The engine's durable effects: groups each firing run's alerts into incidents in the store (one transaction per run,
/// outbox included) and records every run in rule health (buffered, flushed every <see cref="HealthBatch"/> runs and
/// on <see cref="Flush"/>). Counts the alerts and incident changes it stored; a replay's recorder also remembers
/// which (<see cref="Alerts"/>, <see cref="IncidentIds"/>), for its report, while a service's forgets them, so that
/// running for months does not grow its memory. Store errors propagate to the engine's caller: nothing is acknowledged
/// that was not stored. Not thread-safe.
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

    private readonly bool _remember;

    /// <param name="store">Where incidents, the outbox and rule health go.</param>
    /// <param name="remember">
    /// Keep the alerts and incident ids produced (reports of a bounded replay); false for a long-running service, which
    /// reads <see cref="AlertCount"/> and <see cref="IncidentChanges"/> instead.
    /// </param>
    public IncidentRecorder(SqliteIncidentStore store, bool remember = true)
    {
        _store = store;
        _grouper = new IncidentGrouper(store);
        _remember = remember;
    }

    /// <summary>The number of alerts new to the store so far.</summary>
    public long AlertCount { get; private set; }

    /// <summary>The number of incident creations and changes stored so far (an incident changed twice counts twice).</summary>
    public long IncidentChanges { get; private set; }

    /// <summary>Alerts new to the store, in the order they were made (empty unless the recorder remembers).</summary>
    public IReadOnlyList<Alert> Alerts => _alerts;

    /// <summary>Ids of incidents created or changed, in first-touched order (empty unless the recorder remembers).</summary>
    public IReadOnlyList<string> IncidentIds => _incidentIds;

    /// <summary>The number of distinct incidents each rule created or changed (0 unless the recorder remembers).</summary>
    public int IncidentsOf(string ruleId) => _incidentsByRule.TryGetValue(ruleId, out var set) ? set.Count : 0;

    public void OnNext(RuleRunOutcome outcome)
    {
        if (outcome.Alerts.Count > 0)
        {
            var batch = _grouper.Process(outcome.Rule.Rule, outcome.Alerts);
            AlertCount += batch.Alerts.Length;
            IncidentChanges += batch.Changes.Length;
            if (_remember) Remember(outcome, batch);
        }
        _health.Add(outcome.Health);
        if (_health.Count >= HealthBatch) Flush();
    }

    private void Remember(RuleRunOutcome outcome, IncidentBatch batch)
    {
        _alerts.AddRange(batch.Alerts);
        foreach (var change in batch.Changes)
        {
            var id = change.Incident.Id;
            if (_incidentSet.Add(id)) _incidentIds.Add(id);
            if (!_incidentsByRule.TryGetValue(outcome.Rule.Id, out var set)) _incidentsByRule[outcome.Rule.Id] = set = new(StringComparer.Ordinal);
            set.Add(id);
        }
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
