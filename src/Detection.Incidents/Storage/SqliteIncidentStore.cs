using Detection.Incidents.Model;
using Microsoft.Data.Sqlite;

namespace Detection.Incidents.Storage;

/// <summary>
/// The embedded incident store: one SQLite file in WAL mode with versioned schema migrations (README.md, "Store").
/// Every save and every analyst update is one transaction that also writes the outbox, so a crash loses either the
/// whole change or nothing. Times come from the caller (alert event times) or the injected <see cref="TimeProvider"/>
/// (analyst updates). One instance holds one connection and is not thread-safe; one writing process per file (a shared
/// store for several engines is the PostgreSQL one). Errors (I/O, a corrupt or newer store) surface as exceptions.
/// </summary>
public sealed partial class SqliteIncidentStore : IIncidentStore, IDisposable
{
    /// <summary>The store's file name when none is given: <c>detection.db</c> in the current folder.</summary>
    public const string DefaultFileName = "detection.db";

    private readonly SqliteConnection _connection;
    private readonly TimeProvider _clock;

    private SqliteIncidentStore(SqliteConnection connection, string path, TimeProvider clock)
    {
        _connection = connection;
        _clock = clock;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Test seam: runs inside every write transaction just before commit (a throw there rolls the change back).</summary>
    internal Action? BeforeCommit { get; set; }

    /// <summary>
    /// Opens (and migrates) the store at <paramref name="path"/>. With <paramref name="create"/> false a missing file is a
    /// <see cref="FileNotFoundException"/> instead of a new empty store.
    /// </summary>
    public static SqliteIncidentStore Open(string path, TimeProvider? clock = null, bool create = true)
    {
        if (!create && !File.Exists(path)) throw new FileNotFoundException($"no incident store at {path}", path);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = create ? SqliteOpenMode.ReadWriteCreate : SqliteOpenMode.ReadWrite,
            Pooling = false, // the file must be released on Dispose (tests delete it; the CLI exits)
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
            Migrations.Apply(connection, path);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
        return new SqliteIncidentStore(connection, path, clock ?? TimeProvider.System);
    }

    /// <summary>The schema version of the open store.</summary>
    public int SchemaVersion => Migrations.Current(_connection);

    public void Dispose() => _connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction = null, params (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }

    private static string Text(Severity severity) => severity.ToString();
}
