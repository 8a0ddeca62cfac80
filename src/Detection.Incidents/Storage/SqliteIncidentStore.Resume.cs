namespace Detection.Incidents.Storage;

public sealed partial class SqliteIncidentStore
{
    /// <summary>Per rule id, the latest run instant recorded in rule health: where a restarted engine resumes the rule.</summary>
    public IReadOnlyDictionary<string, DateTime> LatestRunTimes() => LatestTimes("SELECT rule_id, MAX(run_time) FROM rule_health GROUP BY rule_id");

    /// <summary>Per rule id, the time (run instant) of its latest stored alert: a restarted engine recovers suppression from it.</summary>
    public IReadOnlyDictionary<string, DateTime> LatestAlertTimes() => LatestTimes("SELECT rule_id, MAX(time) FROM alerts GROUP BY rule_id");

    private Dictionary<string, DateTime> LatestTimes(string sql)
    {
        using var command = Command(sql);
        using var reader = command.ExecuteReader();
        var times = new Dictionary<string, DateTime>(StringComparer.Ordinal);
        while (reader.Read()) times[reader.GetString(0)] = Times.Read(reader.GetString(1));
        return times;
    }
}
