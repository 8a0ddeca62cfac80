using Detection.Incidents.Alerts;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Incidents.Tests.Support;
using Microsoft.Data.Sqlite;
using static Detection.Incidents.Tests.Support.TestTables;

namespace Detection.Incidents.Tests.Storage;

public sealed class OutboxTests : StoreTestBase
{
    [Fact]
    public void Every_new_or_changed_incident_is_enqueued_with_its_version()
    {
        Process(10);
        Process(11);
        var incident = Assert.Single(Temp.Store.List());
        Temp.Store.Update(incident.Id, new IncidentUpdate { Owner = "soc@contoso.com", Comment = "looking" });

        var outbox = Temp.Store.PendingOutbox();

        Assert.Equal(["Created", "AlertsAdded", "Updated"], outbox.Select(m => m.ChangeKind));
        Assert.Equal([1, 2, 3], outbox.Select(m => m.IncidentVersion));
        Assert.Equal([At(10), At(11), Temp.Clock.Now.UtcDateTime], outbox.Select(m => m.CreatedTime));
        var payload = System.Text.Json.Nodes.JsonNode.Parse(outbox[2].Payload)!;
        Assert.Equal("soc@contoso.com", payload["incident"]!["owner"]!.GetValue<string>());
        Assert.Equal("looking", payload["comment"]!["text"]!.GetValue<string>());
        Assert.Equal(2, payload["incident"]!["alertCount"]!.GetValue<int>());
    }

    [Fact]
    public void Processed_outbox_messages_leave_the_queue()
    {
        Process(10);
        var message = Assert.Single(Temp.Store.PendingOutbox());

        Temp.Store.MarkProcessed([message.Id]);

        Assert.Empty(Temp.Store.PendingOutbox());
        Assert.True(Assert.Single(Temp.Store.AllOutbox()).Processed);
    }

    [Fact]
    public void A_failure_before_commit_leaves_nothing_written_not_even_the_outbox()
    {
        Temp.Store.BeforeCommit = () => throw new IOException("disk gone");

        Assert.Throws<IOException>(() => Process(10));

        var store = Temp.Reopen();
        Assert.Empty(store.List());
        Assert.Empty(store.AllOutbox());
        Assert.Empty(store.KnownAlertIds(Alerts(10).Select(a => a.Id)));
        Process(10); // the same run succeeds afterwards
        Assert.Single(store.List());
        Assert.Single(store.AllOutbox());
    }

    [Fact]
    public void A_failed_update_leaves_the_incident_and_the_outbox_unchanged()
    {
        Process(10);
        var incident = Assert.Single(Temp.Store.List());
        Temp.Store.BeforeCommit = () => throw new IOException("disk gone");

        Assert.Throws<IOException>(() => Temp.Store.Update(incident.Id, new IncidentUpdate { Owner = "x", Comment = "y" }));

        var store = Temp.Reopen();
        Assert.Null(store.Get(incident.Id)!.Owner);
        Assert.Empty(store.Comments(incident.Id));
        Assert.Single(store.AllOutbox());
    }
}
