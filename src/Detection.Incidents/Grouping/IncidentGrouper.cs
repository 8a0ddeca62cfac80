using System.Collections.Immutable;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Rules.Model;

namespace Detection.Incidents.Grouping;

/// <summary>
/// Groups a run's alerts into incidents by the rule's incident configuration, as issue #5 states (README.md, "Grouping"):
/// with grouping enabled an alert joins the most recent incident of the same rule with the same match key whose first
/// alert's time t0 satisfies alert time − t0 &lt; lookbackDuration, unless that incident is full (150 alerts) or closed
/// without reopenClosedIncident; otherwise it opens a new incident. Alerts the store already holds are skipped, so
/// replaying a run twice changes nothing. Not thread-safe: one grouper per store writer. Store errors propagate.
/// </summary>
public sealed class IncidentGrouper(IIncidentStore store)
{
    /// <summary>Sentinel's cap on the alerts of one incident.</summary>
    public const int MaxAlertsPerIncident = 150;

    /// <summary>The time frame when the rule gives none: 5 hours, the Sentinel portal's default.</summary>
    public static readonly TimeSpan DefaultLookback = TimeSpan.FromHours(5);

    /// <summary>Groups the alerts (in order) and saves the batch in one transaction.</summary>
    public IncidentBatch Process(AnalyticsRule rule, IReadOnlyList<Alert> alerts)
    {
        var batch = Plan(rule, alerts);
        if (batch.Alerts.Length > 0 || batch.Changes.Length > 0) store.Save(batch);
        return batch;
    }

    /// <summary>Groups the alerts without saving: the batch <see cref="Process"/> would save.</summary>
    public IncidentBatch Plan(AnalyticsRule rule, IReadOnlyList<Alert> alerts)
    {
        var known = store.KnownAlertIds(alerts.Select(a => a.Id));
        var fresh = alerts.Where(a => !known.Contains(a.Id)).DistinctBy(a => a.Id).ToImmutableArray();
        var config = rule.IncidentConfiguration;
        if (fresh.IsEmpty || config is { CreateIncident: false }) return new IncidentBatch(fresh, []);

        var pending = new Pending();
        foreach (var alert in fresh)
        {
            var key = MatchKeys.For(config, alert);
            var candidate = config is { GroupingEnabled: true } ? Candidate(pending, alert, key, config) : null;
            if (candidate is not null && candidate.AlertIds.Length < MaxAlertsPerIncident
                && (candidate.Status != IncidentStatus.Closed || config!.ReopenClosedIncident))
                pending.Join(candidate, alert);
            else
                pending.Open(NewIncident(rule, alert, key));
        }
        return new IncidentBatch(fresh, pending.Changes());
    }

    private Incident? Candidate(Pending pending, Alert alert, string key, IncidentConfiguration config)
    {
        // alert time − t0 < lookback ⇔ t0 > alert time − lookback
        var after = alert.Time - (config.LookbackDuration ?? DefaultLookback);
        var stored = store.FindLatest(alert.RuleId, key, after);
        if (stored is not null) stored = pending.Current(stored.Id) ?? stored;
        // Incidents of this batch were stored after every stored one, so they win ties on t0.
        var local = pending.Latest(alert.RuleId, key, after);
        if (local is null) return stored;
        return stored is null || local.CreatedTime >= stored.CreatedTime ? local : stored;
    }

    private static Incident NewIncident(AnalyticsRule rule, Alert alert, string key) => new()
    {
        Id = ContentIds.From("incident", alert.RuleId, alert.Id),
        RuleId = alert.RuleId,
        RuleName = rule.Name ?? alert.RuleId,
        Title = alert.DisplayName,
        Description = alert.Description,
        Severity = alert.Severity,
        CreatedTime = alert.Time,
        LastModifiedTime = alert.Time,
        FirstActivityTime = alert.StartTime,
        LastActivityTime = alert.EndTime,
        AlertIds = [alert.Id],
        Entities = alert.Entities,
        MatchKey = key,
    };
}
