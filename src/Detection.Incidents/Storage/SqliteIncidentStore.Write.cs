using System.Text.Json.Nodes;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Microsoft.Data.Sqlite;

namespace Detection.Incidents.Storage;

public sealed partial class SqliteIncidentStore
{
    public void Save(IncidentBatch batch)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var alert in batch.Alerts) InsertAlert(alert, transaction);
        var alerts = batch.Alerts.ToDictionary(a => a.Id, StringComparer.Ordinal);
        foreach (var change in batch.Changes) SaveChange(change, alerts, transaction);
        BeforeCommit?.Invoke();
        transaction.Commit();
    }

    private void SaveChange(IncidentChange change, Dictionary<string, Alert> alerts, SqliteTransaction transaction)
    {
        var incident = change.Incident;
        using var versionCommand = Command("SELECT version FROM incidents WHERE id = $id", transaction, ("$id", incident.Id));
        var storedVersion = versionCommand.ExecuteScalar() is long v ? (int?)v : null;
        if (storedVersion >= incident.Version) return; // already saved: a replay of the same batch

        var added = change.AddedAlertIds.Distinct(StringComparer.Ordinal).Where(id => !IsLinked(id, transaction)).ToList();
        if (added.Count == 0) return; // every alert is already in an incident: nothing changes, nothing is enqueued

        var position = CountAlerts(incident.Id, transaction);
        WriteIncident(incident, storedVersion is null, position + added.Count, transaction);
        foreach (var alertId in added)
        {
            using var link = Command("INSERT INTO incident_alerts (incident_id, alert_id, position) VALUES ($i, $a, $p)",
                transaction, ("$i", incident.Id), ("$a", alertId), ("$p", position++));
            link.ExecuteNonQuery();
        }
        // The change happens at the latest added alert's time (event time), even when an analyst touched the incident later in wall time.
        var time = added.Select(id => alerts.GetValueOrDefault(id)?.Time).OfType<DateTime>().DefaultIfEmpty(incident.LastModifiedTime).Max();
        if (change.Kind == ChangeKind.Created) AddTimeline(incident.Id, incident.CreatedTime, "created", incident.Title, transaction);
        if (change.Kind == ChangeKind.Reopened) AddTimeline(incident.Id, time, "reopened", "a new alert joined the closed incident", transaction);
        foreach (var id in added)
        {
            var alert = alerts.GetValueOrDefault(id);
            AddTimeline(incident.Id, alert?.Time ?? incident.LastModifiedTime, "alert", alert is null ? id : $"{alert.DisplayName} ({id})", transaction);
        }
        Enqueue(incident, change.Kind, time, new JsonObject { ["addedAlertIds"] = IncidentJson.Strings(added) }, transaction);
    }

    private void InsertAlert(Alert alert, SqliteTransaction transaction)
    {
        using var command = Command(
            "INSERT OR IGNORE INTO alerts (id, rule_id, rule_name, display_name, description, severity, time, start_time, end_time, row_count, " +
            "tactics, techniques, entities, custom_details, evidence_keys, evidence_rows) VALUES ($id, $rule, $ruleName, $name, $description, $severity, $time, $start, $end, " +
            "$rows, $tactics, $techniques, $entities, $details, $evidence, $evidenceRows)",
            transaction,
            ("$id", alert.Id), ("$rule", alert.RuleId), ("$ruleName", alert.RuleName), ("$name", alert.DisplayName), ("$description", alert.Description),
            ("$severity", Text(alert.Severity)), ("$time", Times.Write(alert.Time)), ("$start", Times.Write(alert.StartTime)), ("$end", Times.Write(alert.EndTime)),
            ("$rows", alert.RowCount), ("$tactics", IncidentJson.Strings(alert.Tactics).ToJsonString()),
            ("$techniques", IncidentJson.Strings(alert.Techniques).ToJsonString()), ("$entities", IncidentJson.Entities(alert.Entities).ToJsonString()),
            ("$details", IncidentJson.CustomDetails(alert.CustomDetails).ToJsonString()), ("$evidence", IncidentJson.Strings(alert.EvidenceKeys).ToJsonString()),
            ("$evidenceRows", IncidentJson.Strings(alert.EvidenceRows).ToJsonString()));
        command.ExecuteNonQuery();
    }

    private void WriteIncident(Incident incident, bool isNew, int alertCount, SqliteTransaction transaction)
    {
        var sql = isNew
            ? $"INSERT INTO incidents ({IncidentColumns}, alert_count) VALUES ($id, $rule, $ruleName, $title, $description, $severity, $status, $classification, " +
              "$owner, $created, $modified, $first, $last, $key, $version, $count)"
            : "UPDATE incidents SET title = $title, description = $description, severity = $severity, status = $status, classification = $classification, " +
              "owner = $owner, last_modified_time = $modified, first_activity_time = $first, last_activity_time = $last, version = $version, alert_count = $count WHERE id = $id";
        using (var command = Command(sql, transaction,
                   ("$id", incident.Id), ("$rule", incident.RuleId), ("$ruleName", incident.RuleName), ("$title", incident.Title),
                   ("$description", incident.Description), ("$severity", Text(incident.Severity)), ("$status", incident.Status.ToString()),
                   ("$classification", incident.Classification?.ToString()), ("$owner", incident.Owner), ("$created", Times.Write(incident.CreatedTime)),
                   ("$modified", Times.Write(incident.LastModifiedTime)), ("$first", Times.Write(incident.FirstActivityTime)),
                   ("$last", Times.Write(incident.LastActivityTime)), ("$key", incident.MatchKey), ("$version", incident.Version), ("$count", alertCount)))
        {
            command.ExecuteNonQuery();
        }
        var position = 0;
        foreach (var entity in incident.Entities)
        {
            using var command = Command("INSERT OR IGNORE INTO entities (incident_id, entity_key, type, properties, position) VALUES ($i, $k, $t, $p, $n)",
                transaction, ("$i", incident.Id), ("$k", entity.Key), ("$t", entity.Type), ("$p", IncidentJson.Entity(entity)["properties"]!.ToJsonString()), ("$n", position++));
            command.ExecuteNonQuery();
        }
        foreach (var label in incident.Labels)
        {
            using var command = Command("INSERT OR IGNORE INTO labels (incident_id, label) VALUES ($i, $l)", transaction, ("$i", incident.Id), ("$l", label));
            command.ExecuteNonQuery();
        }
    }

    private bool IsLinked(string alertId, SqliteTransaction transaction)
    {
        using var command = Command("SELECT 1 FROM incident_alerts WHERE alert_id = $a", transaction, ("$a", alertId));
        return command.ExecuteScalar() is not null;
    }

    private int CountAlerts(string incidentId, SqliteTransaction transaction)
    {
        using var command = Command("SELECT COUNT(*) FROM incident_alerts WHERE incident_id = $id", transaction, ("$id", incidentId));
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private void AddTimeline(string incidentId, DateTime time, string kind, string detail, SqliteTransaction transaction)
    {
        using var command = Command("INSERT INTO timeline (incident_id, time, kind, detail) VALUES ($i, $t, $k, $d)",
            transaction, ("$i", incidentId), ("$t", Times.Write(time)), ("$k", kind), ("$d", detail));
        command.ExecuteNonQuery();
    }

    /// <summary>The outbox message of a change: the whole incident after it, the change kind and what the change carried.</summary>
    private void Enqueue(Incident incident, ChangeKind kind, DateTime time, JsonObject extra, SqliteTransaction transaction)
    {
        var payload = new JsonObject
        {
            ["changeKind"] = kind.ToString(),
            ["time"] = Times.Write(time),
            ["incident"] = IncidentJson.Incident(incident),
        };
        foreach (var (name, value) in extra.ToList())
        {
            extra.Remove(name);
            payload[name] = value;
        }
        using var command = Command(
            "INSERT OR IGNORE INTO outbox (incident_id, incident_version, change_kind, payload, created_time) VALUES ($i, $v, $k, $p, $t)",
            transaction, ("$i", incident.Id), ("$v", incident.Version), ("$k", kind.ToString()), ("$p", payload.ToJsonString()), ("$t", Times.Write(time)));
        command.ExecuteNonQuery();
    }
}
