using System.Globalization;
using Detection.Incidents.Model;

namespace Detection.Incidents.Storage;

public sealed partial class SqliteIncidentStore
{
    /// <summary>Records rule runs in one transaction; a run recorded again (a replay) replaces the earlier record.</summary>
    public void RecordHealth(IEnumerable<RuleHealthRecord> records)
    {
        using var transaction = _connection.BeginTransaction();
        foreach (var r in records)
        {
            using var command = Command(
                "INSERT OR REPLACE INTO rule_health (rule_id, rule_name, run_time, status, duration_ms, result_rows, alerts, reason) " +
                "VALUES ($id, $name, $time, $status, $ms, $rows, $alerts, $reason)",
                transaction, ("$id", r.RuleId), ("$name", r.RuleName), ("$time", Times.Write(r.RunTime)), ("$status", r.Status.ToString()),
                ("$ms", r.Duration.TotalMilliseconds), ("$rows", r.ResultRows), ("$alerts", r.Alerts), ("$reason", r.Reason));
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>Recorded runs, newest first; only those of <paramref name="ruleId"/> when given, only unhealthy ones when asked.</summary>
    public IReadOnlyList<RuleHealthRecord> Health(string? ruleId = null, bool problemsOnly = false, int limit = 1000)
    {
        var where = new List<string>();
        if (ruleId is not null) where.Add("rule_id = $id");
        if (problemsOnly) where.Add("status NOT IN ('Success', 'Suppressed')");
        using var command = Command(
            "SELECT rule_id, rule_name, run_time, status, duration_ms, result_rows, alerts, reason FROM rule_health" +
            (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY run_time DESC, rule_id LIMIT $limit",
            null, ("$id", ruleId), ("$limit", limit));
        using var reader = command.ExecuteReader();
        var records = new List<RuleHealthRecord>();
        while (reader.Read())
        {
            records.Add(new RuleHealthRecord(reader.GetString(0), reader.GetString(1), Times.Read(reader.GetString(2)),
                Enum.Parse<RuleRunStatus>(reader.GetString(3)), TimeSpan.FromMilliseconds(reader.GetDouble(4)),
                reader.GetInt64(5), reader.GetInt32(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }
        return records;
    }

    /// <summary>The number of recorded runs per status (for summaries and tests).</summary>
    public IReadOnlyDictionary<RuleRunStatus, long> HealthCounts()
    {
        using var command = Command("SELECT status, COUNT(*) FROM rule_health GROUP BY status");
        using var reader = command.ExecuteReader();
        var counts = new Dictionary<RuleRunStatus, long>();
        while (reader.Read()) counts[Enum.Parse<RuleRunStatus>(reader.GetString(0))] = Convert.ToInt64(reader.GetValue(1), CultureInfo.InvariantCulture);
        return counts;
    }
}
