using Detection.Incidents.Grouping;
using Detection.Incidents.Model;

namespace Detection.Incidents.Storage;

/// <summary>
/// What the <see cref="IncidentGrouper"/> needs from a store: find the incident an alert may join, know which alerts
/// are already stored, and save a batch atomically. Implementations say their own thread-safety; errors (I/O,
/// a corrupt store) surface as exceptions to the caller, and a failed <see cref="Save"/> leaves nothing behind.
/// </summary>
public interface IIncidentStore
{
    /// <summary>
    /// The most recent incident of the rule (greatest <see cref="Incident.CreatedTime"/>, then the latest stored) whose
    /// <see cref="Incident.MatchKey"/> is <paramref name="matchKey"/> and whose CreatedTime is strictly after
    /// <paramref name="createdAfter"/>; null when there is none.
    /// </summary>
    Incident? FindLatest(string ruleId, string matchKey, DateTime createdAfter);

    /// <summary>The ids among <paramref name="alertIds"/> that the store already holds.</summary>
    IReadOnlySet<string> KnownAlertIds(IEnumerable<string> alertIds);

    /// <summary>
    /// Saves the batch in one transaction: its alerts, the incident changes, and one outbox message per changed incident.
    /// Idempotent: alerts and incident links already stored are skipped, and a change that adds nothing is dropped.
    /// </summary>
    void Save(IncidentBatch batch);
}
