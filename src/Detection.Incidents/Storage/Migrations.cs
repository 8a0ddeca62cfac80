using Microsoft.Data.Sqlite;

namespace Detection.Incidents.Storage;

/// <summary>
/// The store's schema as ordered migration scripts. A store records the versions applied in <c>schema_version</c>;
/// opening a store applies the missing ones, each in its own transaction. Scripts are never edited once released:
/// a change is a new script at the end.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<(int Version, string Name, string Sql)> All =
    [
        (1, "incidents, alerts, entities, comments, labels, timeline, outbox", """
            CREATE TABLE incidents (
                id TEXT PRIMARY KEY,
                rule_id TEXT NOT NULL,
                rule_name TEXT NOT NULL,
                title TEXT NOT NULL,
                description TEXT NOT NULL,
                severity TEXT NOT NULL,
                status TEXT NOT NULL,
                classification TEXT,
                owner TEXT,
                created_time TEXT NOT NULL,
                last_modified_time TEXT NOT NULL,
                first_activity_time TEXT NOT NULL,
                last_activity_time TEXT NOT NULL,
                alert_count INTEGER NOT NULL,
                match_key TEXT NOT NULL,
                version INTEGER NOT NULL);
            CREATE INDEX ix_incidents_grouping ON incidents (rule_id, match_key, created_time);
            CREATE INDEX ix_incidents_created ON incidents (created_time);
            CREATE TABLE alerts (
                id TEXT PRIMARY KEY,
                rule_id TEXT NOT NULL,
                rule_name TEXT NOT NULL,
                display_name TEXT NOT NULL,
                description TEXT NOT NULL,
                severity TEXT NOT NULL,
                time TEXT NOT NULL,
                start_time TEXT NOT NULL,
                end_time TEXT NOT NULL,
                row_count INTEGER NOT NULL,
                tactics TEXT NOT NULL,
                techniques TEXT NOT NULL,
                entities TEXT NOT NULL,
                custom_details TEXT NOT NULL,
                evidence_keys TEXT NOT NULL);
            CREATE TABLE incident_alerts (
                incident_id TEXT NOT NULL REFERENCES incidents (id),
                alert_id TEXT NOT NULL UNIQUE REFERENCES alerts (id),
                position INTEGER NOT NULL,
                PRIMARY KEY (incident_id, alert_id));
            CREATE TABLE entities (
                incident_id TEXT NOT NULL REFERENCES incidents (id),
                entity_key TEXT NOT NULL,
                type TEXT NOT NULL,
                properties TEXT NOT NULL,
                position INTEGER NOT NULL,
                PRIMARY KEY (incident_id, entity_key));
            CREATE INDEX ix_entities_key ON entities (entity_key);
            CREATE TABLE comments (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id TEXT NOT NULL REFERENCES incidents (id),
                time TEXT NOT NULL,
                author TEXT NOT NULL,
                text TEXT NOT NULL);
            CREATE TABLE labels (
                incident_id TEXT NOT NULL REFERENCES incidents (id),
                label TEXT NOT NULL,
                PRIMARY KEY (incident_id, label));
            CREATE TABLE timeline (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id TEXT NOT NULL REFERENCES incidents (id),
                time TEXT NOT NULL,
                kind TEXT NOT NULL,
                detail TEXT NOT NULL);
            CREATE TABLE outbox (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                incident_id TEXT NOT NULL,
                incident_version INTEGER NOT NULL,
                change_kind TEXT NOT NULL,
                payload TEXT NOT NULL,
                created_time TEXT NOT NULL,
                processed INTEGER NOT NULL DEFAULT 0,
                UNIQUE (incident_id, incident_version));
            CREATE INDEX ix_outbox_pending ON outbox (processed, id);
            """),
        (2, "alerts keep their first evidence rows", """
            ALTER TABLE alerts ADD COLUMN evidence_rows TEXT NOT NULL DEFAULT '[]';
            """),
        (3, "rule health: one row per rule run", """
            CREATE TABLE rule_health (
                rule_id TEXT NOT NULL,
                rule_name TEXT NOT NULL,
                run_time TEXT NOT NULL,
                status TEXT NOT NULL,
                duration_ms REAL NOT NULL,
                result_rows INTEGER NOT NULL,
                alerts INTEGER NOT NULL,
                reason TEXT,
                PRIMARY KEY (rule_id, run_time)
            );
            CREATE INDEX rule_health_by_status ON rule_health (status, run_time);
            """),
    ];

    public static int Latest => All[^1].Version;

    /// <summary>Applies the scripts the store lacks. Throws <see cref="InvalidOperationException"/> for a store newer than this code.</summary>
    public static void Apply(SqliteConnection connection, string path, int upTo = int.MaxValue)
    {
        Execute(connection, null, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL)");
        var current = Current(connection);
        if (current > Latest)
            throw new InvalidOperationException($"{path}: the incident store has schema version {current}; this engine knows up to {Latest}. Use a newer engine.");
        foreach (var (version, name, sql) in All.Where(m => m.Version > current && m.Version <= upTo))
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, transaction, sql);
            using var record = connection.CreateCommand();
            record.Transaction = transaction;
            record.CommandText = "INSERT INTO schema_version (version, name) VALUES ($v, $n)";
            record.Parameters.AddWithValue("$v", version);
            record.Parameters.AddWithValue("$n", name);
            record.ExecuteNonQuery();
            transaction.Commit();
        }
    }

    public static int Current(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(MAX(version), 0) FROM schema_version";
        return Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static void Execute(SqliteConnection connection, SqliteTransaction? transaction, string sql)
    {
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
