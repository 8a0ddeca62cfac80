using System.Collections.Immutable;
using Detection.Incidents.Model;
using Microsoft.Data.Sqlite;

namespace Detection.Incidents.Storage;

/// <summary>Which incidents <see cref="SqliteIncidentStore.List"/> returns.</summary>
public sealed record IncidentQuery(IncidentStatus? Status = null, Severity? Severity = null, int Limit = 1000);

/// <summary>One message of the outbox: a new or changed incident for playbooks to consume.</summary>
public sealed record OutboxMessage(long Id, string IncidentId, int IncidentVersion, string ChangeKind, string Payload, DateTime CreatedTime, bool Processed);

public sealed partial class SqliteIncidentStore
{
    private const string IncidentColumns =
        "id, rule_id, rule_name, title, description, severity, status, classification, owner, created_time, last_modified_time, first_activity_time, last_activity_time, match_key, version";

    public Incident? FindLatest(string ruleId, string matchKey, DateTime createdAfter)
    {
        using var command = Command(
            $"SELECT {IncidentColumns} FROM incidents WHERE rule_id = $rule AND match_key = $key AND created_time > $after ORDER BY created_time DESC, rowid DESC LIMIT 1",
            null, ("$rule", ruleId), ("$key", matchKey), ("$after", Times.Write(createdAfter)));
        return ReadIncidents(command).FirstOrDefault();
    }

    public IReadOnlySet<string> KnownAlertIds(IEnumerable<string> alertIds)
    {
        var known = new HashSet<string>(StringComparer.Ordinal);
        using var command = Command("SELECT 1 FROM alerts WHERE id = $id");
        var parameter = command.Parameters.Add("$id", SqliteType.Text);
        foreach (var id in alertIds)
        {
            parameter.Value = id;
            if (command.ExecuteScalar() is not null) known.Add(id);
        }
        return known;
    }

    /// <summary>The incident with this id, or else the only one whose id starts with it (a short id); null when none or ambiguous.</summary>
    public Incident? Get(string idOrPrefix)
    {
        using var exact = Command($"SELECT {IncidentColumns} FROM incidents WHERE id = $id", null, ("$id", idOrPrefix));
        if (ReadIncidents(exact).FirstOrDefault() is { } incident) return incident;
        if (idOrPrefix.Length < 4) return null;
        using var prefix = Command($"SELECT {IncidentColumns} FROM incidents WHERE substr(id, 1, $n) = $id LIMIT 2", null, ("$id", idOrPrefix), ("$n", idOrPrefix.Length));
        var matches = ReadIncidents(prefix);
        return matches.Count == 1 ? matches[0] : null;
    }

    /// <summary>Incidents newest first (by creation, then the latest stored), filtered.</summary>
    public IReadOnlyList<Incident> List(IncidentQuery? query = null)
    {
        query ??= new IncidentQuery();
        using var command = Command(
            $"SELECT {IncidentColumns} FROM incidents WHERE ($status IS NULL OR status = $status) AND ($severity IS NULL OR severity = $severity) " +
            "ORDER BY created_time DESC, rowid DESC LIMIT $limit",
            null, ("$status", query.Status?.ToString()), ("$severity", query.Severity?.ToString()), ("$limit", query.Limit));
        return ReadIncidents(command);
    }

    /// <summary>The incident's alerts in the order they joined.</summary>
    public IReadOnlyList<Alert> Alerts(string incidentId)
    {
        using var command = Command(
            "SELECT a.id, a.rule_id, a.rule_name, a.display_name, a.description, a.severity, a.time, a.start_time, a.end_time, a.row_count, " +
            "a.tactics, a.techniques, a.entities, a.custom_details, a.evidence_keys, a.evidence_rows FROM incident_alerts ia JOIN alerts a ON a.id = ia.alert_id " +
            "WHERE ia.incident_id = $id ORDER BY ia.position", null, ("$id", incidentId));
        using var reader = command.ExecuteReader();
        var alerts = new List<Alert>();
        while (reader.Read())
        {
            alerts.Add(new Alert
            {
                Id = reader.GetString(0), RuleId = reader.GetString(1), RuleName = reader.GetString(2), DisplayName = reader.GetString(3),
                Description = reader.GetString(4), Severity = Enum.Parse<Severity>(reader.GetString(5)),
                Time = Times.Read(reader.GetString(6)), StartTime = Times.Read(reader.GetString(7)), EndTime = Times.Read(reader.GetString(8)),
                RowCount = reader.GetInt32(9), Tactics = IncidentJson.ReadStrings(reader.GetString(10)), Techniques = IncidentJson.ReadStrings(reader.GetString(11)),
                Entities = IncidentJson.ReadEntities(reader.GetString(12)), CustomDetails = IncidentJson.ReadCustomDetails(reader.GetString(13)),
                EvidenceKeys = IncidentJson.ReadStrings(reader.GetString(14)), EvidenceRows = IncidentJson.ReadStrings(reader.GetString(15)),
            });
        }
        return alerts;
    }

    public IReadOnlyList<Comment> Comments(string incidentId)
    {
        using var command = Command("SELECT time, author, text FROM comments WHERE incident_id = $id ORDER BY id", null, ("$id", incidentId));
        using var reader = command.ExecuteReader();
        var comments = new List<Comment>();
        while (reader.Read()) comments.Add(new Comment(Times.Read(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
        return comments;
    }

    /// <summary>The incident's history in time order (ties in the order recorded).</summary>
    public IReadOnlyList<TimelineEntry> Timeline(string incidentId)
    {
        using var command = Command("SELECT time, kind, detail FROM timeline WHERE incident_id = $id ORDER BY time, id", null, ("$id", incidentId));
        using var reader = command.ExecuteReader();
        var entries = new List<TimelineEntry>();
        while (reader.Read()) entries.Add(new TimelineEntry(Times.Read(reader.GetString(0)), reader.GetString(1), reader.GetString(2)));
        return entries;
    }

    /// <summary>Unprocessed outbox messages, oldest first: the playbook runner's queue.</summary>
    public IReadOnlyList<OutboxMessage> PendingOutbox(int limit = 100) => Outbox("WHERE processed = 0", limit);

    /// <summary>Every outbox message, processed or not, oldest first.</summary>
    public IReadOnlyList<OutboxMessage> AllOutbox(int limit = 10_000) => Outbox("", limit);

    /// <summary>Marks messages consumed. Idempotent; consumers that crash before this see the messages again (at-least-once).</summary>
    public void MarkProcessed(IEnumerable<long> ids)
    {
        using var transaction = _connection.BeginTransaction();
        using var command = Command("UPDATE outbox SET processed = 1 WHERE id = $id", transaction);
        var parameter = command.Parameters.Add("$id", SqliteType.Integer);
        foreach (var id in ids)
        {
            parameter.Value = id;
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    private List<OutboxMessage> Outbox(string where, int limit)
    {
        using var command = Command(
            $"SELECT id, incident_id, incident_version, change_kind, payload, created_time, processed FROM outbox {where} ORDER BY id LIMIT $limit", null, ("$limit", limit));
        using var reader = command.ExecuteReader();
        var messages = new List<OutboxMessage>();
        while (reader.Read())
        {
            messages.Add(new OutboxMessage(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4),
                Times.Read(reader.GetString(5)), reader.GetInt64(6) != 0));
        }
        return messages;
    }

    private List<Incident> ReadIncidents(SqliteCommand command)
    {
        var rows = new List<Incident>();
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                rows.Add(new Incident
                {
                    Id = reader.GetString(0), RuleId = reader.GetString(1), RuleName = reader.GetString(2), Title = reader.GetString(3),
                    Description = reader.GetString(4), Severity = Enum.Parse<Severity>(reader.GetString(5)), Status = Enum.Parse<IncidentStatus>(reader.GetString(6)),
                    Classification = reader.IsDBNull(7) ? null : Enum.Parse<IncidentClassification>(reader.GetString(7)),
                    Owner = reader.IsDBNull(8) ? null : reader.GetString(8),
                    CreatedTime = Times.Read(reader.GetString(9)), LastModifiedTime = Times.Read(reader.GetString(10)),
                    FirstActivityTime = Times.Read(reader.GetString(11)), LastActivityTime = Times.Read(reader.GetString(12)),
                    MatchKey = reader.GetString(13), Version = reader.GetInt32(14),
                });
            }
        }
        return rows.Select(WithChildren).ToList();
    }

    private Incident WithChildren(Incident incident)
    {
        using var alerts = Command("SELECT alert_id FROM incident_alerts WHERE incident_id = $id ORDER BY position", null, ("$id", incident.Id));
        using var entities = Command("SELECT type, properties FROM entities WHERE incident_id = $id ORDER BY position", null, ("$id", incident.Id));
        using var labels = Command("SELECT label FROM labels WHERE incident_id = $id ORDER BY label", null, ("$id", incident.Id));
        return incident with
        {
            AlertIds = Strings(alerts),
            Entities = ReadAll(entities, r => IncidentJson.ReadEntity(new System.Text.Json.Nodes.JsonObject
            {
                ["type"] = r.GetString(0),
                ["properties"] = System.Text.Json.Nodes.JsonNode.Parse(r.GetString(1)),
            })),
            Labels = Strings(labels),
        };
    }

    private static ImmutableArray<string> Strings(SqliteCommand command) => ReadAll(command, r => r.GetString(0));

    private static ImmutableArray<T> ReadAll<T>(SqliteCommand command, Func<SqliteDataReader, T> read)
    {
        using var reader = command.ExecuteReader();
        var items = ImmutableArray.CreateBuilder<T>();
        while (reader.Read()) items.Add(read(reader));
        return items.ToImmutable();
    }
}
