using Detection.Incidents.Alerts;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Incidents.Tests.Support;
using Microsoft.Data.Sqlite;
using static Detection.Incidents.Tests.Support.TestTables;

namespace Detection.Incidents.Tests.Storage;

public sealed class MigrationTests : StoreTestBase
{
    [Fact]
    public void A_new_store_is_migrated_to_the_latest_schema_in_wal_mode_and_reopening_keeps_the_data()
    {
        Assert.Equal(Migrations.Latest, Temp.Store.SchemaVersion);
        Process(10);

        var store = Temp.Reopen();

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Single(store.List());
        using var raw = new SqliteConnection($"Data Source={Temp.Path};Pooling=False");
        raw.Open();
        using var command = raw.CreateCommand();
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", command.ExecuteScalar());
        command.CommandText = "SELECT COUNT(*) FROM schema_version";
        Assert.Equal((long)Migrations.All.Count, command.ExecuteScalar());
    }

    [Fact]
    public void An_empty_existing_file_is_migrated_from_scratch()
    {
        var path = Temp.Path + ".empty";
        File.WriteAllBytes(path, []);

        using var store = SqliteIncidentStore.Open(path, create: false);

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Empty(store.List());
    }

    [Fact]
    public void A_store_at_an_older_schema_is_upgraded_in_place_keeping_its_data()
    {
        Temp.Store.Dispose();
        var path = Temp.Path + ".v1";
        using (var raw = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            raw.Open();
            Migrations.Apply(raw, path, upTo: 1);
            using var command = raw.CreateCommand();
            command.CommandText = "INSERT INTO alerts (id, rule_id, rule_name, display_name, description, severity, time, start_time, end_time, row_count, " +
                "tactics, techniques, entities, custom_details, evidence_keys) VALUES ('a', 'r', 'R', 'R', '', 'Low', '2026-11-02T10:00:00.0000000Z', " +
                "'2026-11-02T09:00:00.0000000Z', '2026-11-02T10:00:00.0000000Z', 1, '[]', '[]', '[]', '{}', '[\"Id:1\"]')";
            command.ExecuteNonQuery();
            Assert.Equal(1, Migrations.Current(raw));
        }

        using var store = SqliteIncidentStore.Open(path, create: false);

        Assert.Equal(Migrations.Latest, store.SchemaVersion);
        Assert.Contains("a", store.KnownAlertIds(["a"]));
    }

    [Fact]
    public void A_store_newer_than_the_engine_is_refused()
    {
        Temp.Store.Dispose();
        using (var raw = new SqliteConnection($"Data Source={Temp.Path};Pooling=False"))
        {
            raw.Open();
            using var command = raw.CreateCommand();
            command.CommandText = "INSERT INTO schema_version (version, name) VALUES (999, 'future')";
            command.ExecuteNonQuery();
        }

        var error = Assert.Throws<InvalidOperationException>(() => SqliteIncidentStore.Open(Temp.Path));
        Assert.Contains("999", error.Message);
    }

    [Fact]
    public void Opening_a_missing_store_without_create_fails_and_makes_no_file()
    {
        var path = Temp.Path + ".missing";

        Assert.Throws<FileNotFoundException>(() => SqliteIncidentStore.Open(path, create: false));
        Assert.False(File.Exists(path));
    }
}
