using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Detection.Incidents;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Rules.Loading;
using Detection.Testing;

namespace Detection.Cli.Tests.Commands;

public sealed class IncidentsCommandTests : IDisposable
{
    private static readonly DateTime T0 = new(2026, 11, 2, 10, 0, 0, DateTimeKind.Utc);
    private readonly TempDirectory _folder = new();
    private readonly string _store;
    private readonly string _older;
    private readonly string _newer;

    public IncidentsCommandTests()
    {
        _store = _folder.File("detection.db");
        var rule = RuleLoader.Load("id: r-1\nname: Password spray\nkind: Scheduled\nquery: SigninLogs", "r.yaml").Rule!;
        using var store = SqliteIncidentStore.Open(_store);
        var grouper = new IncidentGrouper(store);
        grouper.Process(rule, [MakeAlert("a1", T0, Severity.Low, "alice@contoso.com"), MakeAlert("a2", T0.AddHours(1), Severity.High, "bob@contoso.com")]);
        var incidents = store.List();
        (_newer, _older) = (incidents[0].Id, incidents[1].Id);
    }

    public void Dispose() => _folder.Dispose();

    private static Alert MakeAlert(string key, DateTime time, Severity severity, string user) => new()
    {
        Id = ContentIds.From("cli-test", key),
        RuleId = "r-1",
        RuleName = "Password spray",
        DisplayName = $"Password spray on {user}",
        Severity = severity,
        Time = time,
        StartTime = time.AddMinutes(-50),
        EndTime = time.AddMinutes(-5),
        Entities = [new Entity("Account", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("FullName", user)]))],
        EvidenceKeys = ["Id:evt-" + key],
        EvidenceRows = [$$"""{"Id":"evt-{{key}}","ResultType":"50126"}"""],
        RowCount = 1,
    };

    [Fact]
    public void List_prints_an_aligned_table_newest_first()
    {
        var run = CliRun.Invoke("incidents", "list", "--store", _store);

        Assert.Equal(0, run.ExitCode);
        var lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.StartsWith("ID        SEVERITY  STATUS  OWNER  ALERTS  TITLE", lines[0]);
        Assert.StartsWith($"{_newer[..8]}  High      New     -      1       Password spray on bob@contoso.com", lines[1]);
        Assert.EndsWith("2026-11-02 10:55:00Z", lines[1]);
        Assert.StartsWith($"{_older[..8]}  Low ", lines[2]);
    }

    [Fact]
    public void List_filters_and_writes_json()
    {
        var run = CliRun.Invoke("incidents", "list", "--store", _store, "--severity", "low", "--format", "json");

        Assert.Equal(0, run.ExitCode);
        var incident = Assert.Single(JsonNode.Parse(run.Output)!.AsArray())!;
        Assert.Equal(_older, incident["id"]!.GetValue<string>());
        Assert.Equal("New", incident["status"]!.GetValue<string>());
        Assert.Equal("2026-11-02T10:00:00.0000000Z", incident["createdTime"]!.GetValue<string>());
    }

    [Fact]
    public void List_with_an_unknown_status_is_a_usage_error_and_a_missing_store_exits_1()
    {
        Assert.Equal(2, CliRun.Invoke("incidents", "list", "--store", _store, "--status", "Pending").ExitCode);
        var missing = CliRun.Invoke("incidents", "list", "--store", _folder.File("none.db"));
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("no incident store at", missing.Error);
        Assert.False(File.Exists(_folder.File("none.db")));
    }

    [Fact]
    public void Show_prints_alerts_entities_evidence_comments_and_timeline()
    {
        CliRun.Invoke("incidents", "update", _newer[..8], "--store", _store, "--comment", "checking the VPN logs", "--author", "ann");

        var run = CliRun.Invoke("incidents", "show", _newer[..8], "--store", _store);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains($"Incident {_newer}", run.Output);
        Assert.Contains("Password spray on bob@contoso.com", run.Output);
        Assert.Contains("Account(FullName=bob@contoso.com)", run.Output);
        Assert.Contains("Id:evt-a2", run.Output);
        Assert.Contains("""{"Id":"evt-a2","ResultType":"50126"}""", run.Output);
        Assert.Contains("ann: checking the VPN logs", run.Output);
        Assert.Contains("created", run.Output);
        Assert.Contains("comment", run.Output);
    }

    [Fact]
    public void Show_json_has_the_alerts_and_timeline_and_an_unknown_id_exits_1()
    {
        var run = CliRun.Invoke("incidents", "show", _older, "--store", _store, "--format", "json");

        var json = JsonNode.Parse(run.Output)!;
        Assert.Equal("alice@contoso.com", json["alerts"]![0]!["entities"]![0]!["properties"]!["FullName"]!.GetValue<string>());
        Assert.Equal("created", json["timeline"]![0]!["kind"]!.GetValue<string>());
        Assert.Equal(1, CliRun.Invoke("incidents", "show", "ffffffff-0000", "--store", _store).ExitCode);
    }

    [Fact]
    public void Update_closes_with_a_classification_and_puts_the_change_on_the_outbox()
    {
        var refused = CliRun.Invoke("incidents", "update", _older, "--store", _store, "--status", "Closed");
        var closed = CliRun.Invoke("incidents", "update", _older, "--store", _store, "--status", "closed", "--classification", "FalsePositive", "--owner", "ann", "--label", "vpn", "--label", "spray");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("requires a classification", refused.Error);
        Assert.Equal(0, closed.ExitCode);
        using var store = SqliteIncidentStore.Open(_store, create: false);
        var incident = store.Get(_older)!;
        Assert.Equal((IncidentStatus.Closed, IncidentClassification.FalsePositive, "ann"), (incident.Status, incident.Classification, incident.Owner));
        Assert.Equal(["spray", "vpn"], incident.Labels.ToArray());
        var last = store.PendingOutbox()[^1];
        Assert.Equal(("Updated", _older, 2), (last.ChangeKind, last.IncidentId, last.IncidentVersion));
    }

    [Fact]
    public void Update_without_a_change_is_a_usage_error()
    {
        var run = CliRun.Invoke("incidents", "update", _older, "--store", _store);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("nothing to update", run.Error);
    }

    [Fact]
    public void Help_names_the_default_store()
    {
        var run = CliRun.Invoke("incidents", "list", "--help");

        Assert.Contains("detection.db in the current folder", run.Output);
    }
}
