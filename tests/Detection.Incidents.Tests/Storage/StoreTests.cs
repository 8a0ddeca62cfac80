using Detection.Incidents.Alerts;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Incidents.Tests.Support;
using Microsoft.Data.Sqlite;
using static Detection.Incidents.Tests.Support.TestTables;

namespace Detection.Incidents.Tests.Storage;

public sealed class StoreTests : StoreTestBase
{
    [Fact]
    public void Alerts_and_incidents_round_trip_through_the_file()
    {
        var alert = Assert.Single(Alerts(10));
        Process(10);

        var store = Temp.Reopen();
        var incident = Assert.Single(store.List());
        var stored = Assert.Single(store.Alerts(incident.Id));

        Assert.Equal(IncidentJson.Alert(alert).ToJsonString(), IncidentJson.Alert(stored).ToJsonString());
        Assert.Equal("Mass secret reads", incident.Title);
        Assert.Equal(Severity.High, incident.Severity);
        Assert.Equal(IncidentStatus.New, incident.Status);
        Assert.Equal((At(10), At(10)), (incident.CreatedTime, incident.LastModifiedTime));
        Assert.Equal((At(9, 10), At(9, 40)), (incident.FirstActivityTime, incident.LastActivityTime));
        Assert.Equal(["Account(FullName=eve@contoso.com)", "AzureResource(ResourceId=/subscriptions/s/vaults/kv1)"], incident.Entities.Select(e => e.ToString()));
        Assert.Equal(["EventDataId:ev-1", "EventDataId:ev-2"], stored.EvidenceKeys.ToArray());
        Assert.Equal("""{"TimeGenerated":"2026-11-02T09:10:00.0000000Z","Caller":"eve@contoso.com","ResourceId":"/subscriptions/s/vaults/kv1","Count":250,"EventDataId":"ev-1"}""", stored.EvidenceRows[0]);
        Assert.Equal(Json(incident), Json(store.Get(incident.Id[..8])!));
    }

    [Fact]
    public void The_incident_json_shape_is_stable()
    {
        Process(10);
        var json = IncidentJson.Incident(Assert.Single(Temp.Store.List()));

        Assert.Equal(
            ["id", "version", "ruleId", "ruleName", "title", "description", "severity", "status", "classification", "owner", "createdTime",
             "lastModifiedTime", "firstActivityTime", "lastActivityTime", "alertCount", "alertIds", "labels", "entities"],
            json.Select(p => p.Key));
        Assert.Equal("""{"type":"Account","properties":{"FullName":"eve@contoso.com"}}""", json["entities"]![0]!.ToJsonString());
        Assert.Equal("2026-11-02T10:00:00.0000000Z", json["createdTime"]!.GetValue<string>());
    }

    [Fact]
    public void Saving_the_same_batch_twice_changes_nothing()
    {
        var rule = TestRules.Load(Rule);
        var batch = new IncidentGrouper(Temp.Store).Plan(rule, Alerts(10));
        Temp.Store.Save(batch);
        var before = Temp.Store.List();

        Temp.Store.Save(batch);

        Assert.Equal(before.Select(Json), Temp.Store.List().Select(Json));
        Assert.Single(Temp.Store.AllOutbox());
        Assert.Equal(2, Temp.Store.Timeline(before[0].Id).Count); // created, alert
    }

    [Fact]
    public void Listing_filters_by_status_and_severity_newest_first()
    {
        Process(10);
        new IncidentGrouper(Temp.Store).Process(TestRules.Grouping("enabled: false"), [TestAlerts.Make(At(12), ["x"], severity: Severity.Low)]);
        var newest = Temp.Store.List()[0];
        Temp.Store.Update(newest.Id, new IncidentUpdate { Status = IncidentStatus.Active });

        Assert.Equal(At(12), newest.CreatedTime);
        Assert.Equal(newest.Id, Assert.Single(Temp.Store.List(new IncidentQuery(Status: IncidentStatus.Active))).Id);
        Assert.Equal(Severity.High, Assert.Single(Temp.Store.List(new IncidentQuery(Severity: Severity.High))).Severity);
    }
}
