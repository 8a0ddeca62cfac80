using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Incidents.Tests.Support;
using static Detection.Incidents.Tests.Support.TestTables;

namespace Detection.Incidents.Tests.Grouping;

public sealed class IncidentGrouperTests : IDisposable
{
    private readonly TempStore _temp = new();

    private SqliteIncidentStore Store => _temp.Store;

    public void Dispose() => _temp.Dispose();

    private IncidentBatch Process(Detection.Rules.Model.AnalyticsRule rule, params Alert[] alerts) => new IncidentGrouper(Store).Process(rule, alerts);

    private static readonly string AllEntities = "enabled: true\nlookbackDuration: 5h\nmatchingMethod: AllEntities";

    [Fact]
    public void Without_grouping_every_alert_makes_its_own_incident()
    {
        var rule = TestRules.Grouping("enabled: false");

        Process(rule, TestAlerts.Make(At(10), ["alice"]), TestAlerts.Make(At(10), ["alice"]));

        Assert.Equal(2, Store.List().Count);
    }

    [Fact]
    public void Without_an_incident_configuration_every_alert_makes_its_own_incident()
    {
        var rule = TestRules.Load("id: r\nname: R\nkind: Scheduled\nquery: T");

        Process(rule, TestAlerts.Make(At(10), ruleId: "r"), TestAlerts.Make(At(11), ruleId: "r"));

        Assert.Equal(2, Store.List().Count);
    }

    [Fact]
    public void With_create_incident_false_alerts_are_stored_without_incidents()
    {
        var rule = TestRules.Grouping(AllEntities, createIncident: false);
        var alert = TestAlerts.Make(At(10), ["alice"]);

        var batch = Process(rule, alert);

        Assert.Empty(batch.Changes);
        Assert.Empty(Store.List());
        Assert.Contains(alert.Id, Store.KnownAlertIds([alert.Id]));
        Assert.Empty(Store.AllOutbox());
    }

    [Fact]
    public void All_entities_groups_alerts_with_the_same_set_of_entities_whatever_the_case_and_order()
    {
        var rule = TestRules.Grouping(AllEntities);

        Process(rule, TestAlerts.Make(At(10), ["alice@contoso.com", "bob@contoso.com"]));
        Process(rule, TestAlerts.Make(At(11), ["BOB@contoso.com", "Alice@Contoso.com"]));
        Process(rule, TestAlerts.Make(At(12), ["alice@contoso.com"]));

        var incidents = Store.List();
        Assert.Equal([1, 2], incidents.Select(i => i.AlertIds.Length).Order());
    }

    [Fact]
    public void Selected_groups_by_the_chosen_entity_types_alert_details_and_custom_details()
    {
        var rule = TestRules.Grouping("enabled: true\nlookbackDuration: 5h\nmatchingMethod: Selected\ngroupByEntities: [Account]\ngroupByAlertDetails: [Severity]\ngroupByCustomDetails: [Country]");
        var fr = new Dictionary<string, string[]> { ["Country"] = ["FR"] };

        Process(rule, TestAlerts.Make(At(10), ["alice"], ips: ["1.1.1.1"], custom: fr));
        Process(rule, TestAlerts.Make(At(11), ["ALICE"], ips: ["2.2.2.2"], custom: new Dictionary<string, string[]> { ["Country"] = ["fr"] })); // joins: IP not selected
        Process(rule, TestAlerts.Make(At(11), ["alice"], custom: fr, severity: Severity.High)); // new: severity differs
        Process(rule, TestAlerts.Make(At(11), ["alice"], custom: new Dictionary<string, string[]> { ["Country"] = ["DE"] })); // new: custom detail differs

        Assert.Equal([1, 1, 2], Store.List().Select(i => i.AlertIds.Length).Order());
    }

    [Fact]
    public void Any_alert_groups_every_alert_of_the_rule_but_not_of_other_rules()
    {
        var rule = TestRules.Grouping("enabled: true\nlookbackDuration: 5h\nmatchingMethod: AnyAlert");
        var other = TestRules.Grouping("enabled: true\nlookbackDuration: 5h\nmatchingMethod: AnyAlert", id: "rule-2");

        Process(rule, TestAlerts.Make(At(10), ["alice"]), TestAlerts.Make(At(10), ["bob"]));
        Process(rule, TestAlerts.Make(At(11)));
        Process(other, TestAlerts.Make(At(11), ["alice"], ruleId: "rule-2"));

        Assert.Equal([1, 3], Store.List().Select(i => i.AlertIds.Length).Order());
    }

    [Fact]
    public void The_time_frame_is_anchored_at_the_first_alert_and_excludes_its_end()
    {
        var rule = TestRules.Grouping(AllEntities);

        Process(rule, TestAlerts.Make(At(10), ["alice"]));
        Process(rule, TestAlerts.Make(At(14, 59, 59), ["alice"])); // 4h59m59s after t0: joins
        Process(rule, TestAlerts.Make(At(15), ["alice"])); // exactly 5h after t0: a new incident, though 1s after the last alert

        var incidents = Store.List();
        Assert.Equal(2, incidents.Count);
        Assert.Equal(At(15), incidents[0].CreatedTime);
        Assert.Single(incidents[0].AlertIds);
        Assert.Equal(2, incidents[1].AlertIds.Length);
    }

    [Fact]
    public void A_closed_incident_is_not_joined_without_reopen()
    {
        var rule = TestRules.Grouping(AllEntities);
        Process(rule, TestAlerts.Make(At(10), ["alice"]));
        var first = Assert.Single(Store.List());
        Store.Update(first.Id, new IncidentUpdate { Status = IncidentStatus.Closed, Classification = IncidentClassification.FalsePositive });

        Process(rule, TestAlerts.Make(At(11), ["alice"]));

        var incidents = Store.List();
        Assert.Equal(2, incidents.Count);
        Assert.Equal(IncidentStatus.Closed, Store.Get(first.Id)!.Status);
    }

    [Fact]
    public void A_closed_incident_is_joined_and_reopened_with_reopen_closed_incident()
    {
        var rule = TestRules.Grouping(AllEntities + "\nreopenClosedIncident: true");
        Process(rule, TestAlerts.Make(At(10), ["alice"]));
        var first = Assert.Single(Store.List());
        Store.Update(first.Id, new IncidentUpdate { Status = IncidentStatus.Closed, Classification = IncidentClassification.TruePositive });

        var batch = Process(rule, TestAlerts.Make(At(11), ["alice"]));

        var reopened = Assert.Single(Store.List());
        Assert.Equal(IncidentStatus.Active, reopened.Status);
        Assert.Null(reopened.Classification);
        Assert.Equal(2, reopened.AlertIds.Length);
        Assert.Equal(ChangeKind.Reopened, Assert.Single(batch.Changes).Kind);
        Assert.Contains(Store.Timeline(first.Id), e => e.Kind == "reopened");
    }

    [Fact]
    public void A_closed_incident_past_the_time_frame_is_not_reopened()
    {
        var rule = TestRules.Grouping(AllEntities + "\nreopenClosedIncident: true");
        Process(rule, TestAlerts.Make(At(10), ["alice"]));
        var first = Assert.Single(Store.List());
        Store.Update(first.Id, new IncidentUpdate { Status = IncidentStatus.Closed, Classification = IncidentClassification.TruePositive });

        Process(rule, TestAlerts.Make(At(16), ["alice"]));

        Assert.Equal(2, Store.List().Count);
        Assert.Equal(IncidentStatus.Closed, Store.Get(first.Id)!.Status);
    }

    [Fact]
    public void Selected_entity_types_and_alert_names_compare_case_insensitively()
    {
        var rule = TestRules.Grouping("enabled: true\nlookbackDuration: 5h\nmatchingMethod: Selected\ngroupByEntities: [account]\ngroupByAlertDetails: [DisplayName]");

        Process(rule, TestAlerts.Make(At(10), ["alice"], name: "Spray on alice"), TestAlerts.Make(At(10), ["ALICE"], name: "spray ON alice"));
        Process(rule, TestAlerts.Make(At(10), ["alice"], name: "Another name"));

        Assert.Equal([1, 2], Store.List().Select(i => i.AlertIds.Length).Order());
    }

    [Fact]
    public void An_incident_holds_at_most_150_alerts_and_later_alerts_go_to_a_new_one()
    {
        var rule = TestRules.Grouping("enabled: true\nlookbackDuration: 1d\nmatchingMethod: AnyAlert");

        Process(rule, Enumerable.Range(0, 150).Select(_ => TestAlerts.Make(At(10))).ToArray());
        Process(rule, Enumerable.Range(0, 160).Select(_ => TestAlerts.Make(At(11))).ToArray());

        Assert.Equal([150, 150, 10], Store.List().Select(i => i.AlertIds.Length).OrderDescending());
    }

    [Fact]
    public void Incident_severity_is_the_highest_of_its_alerts_and_the_title_the_first_alert_name()
    {
        var rule = TestRules.Grouping(AllEntities);

        Process(rule, TestAlerts.Make(At(10), ["alice"], severity: Severity.Low, name: "first"),
            TestAlerts.Make(At(10), ["alice"], severity: Severity.High, name: "second"),
            TestAlerts.Make(At(10), ["alice"], severity: Severity.Medium, name: "third"));

        var incident = Assert.Single(Store.List());
        Assert.Equal(Severity.High, incident.Severity);
        Assert.Equal("first", incident.Title);
    }

    [Fact]
    public void Processing_the_same_alerts_twice_changes_nothing_and_enqueues_nothing()
    {
        var rule = TestRules.Grouping(AllEntities);
        Alert[] alerts = [TestAlerts.Make(At(10), ["alice"]), TestAlerts.Make(At(10, 30), ["alice"]), TestAlerts.Make(At(11), ["bob"])];
        Process(rule, alerts);
        var outbox = Store.AllOutbox().Count;

        var again = Process(rule, alerts);

        Assert.Empty(again.Alerts);
        Assert.Empty(again.Changes);
        Assert.Equal(outbox, Store.AllOutbox().Count);
        Assert.Equal(2, Store.List().Count);
    }

    [Fact]
    public void Replaying_into_a_fresh_store_gives_the_same_incident_ids()
    {
        var rule = TestRules.Grouping(AllEntities);
        Alert[] alerts = [TestAlerts.Make(At(10), ["alice"]), TestAlerts.Make(At(10, 30), ["alice"]), TestAlerts.Make(At(11), ["bob"])];
        Process(rule, alerts);
        using var other = new TempStore();

        new IncidentGrouper(other.Store).Process(rule, alerts);

        Assert.Equal(Store.List().Select(i => i.Id), other.Store.List().Select(i => i.Id));
        Assert.Equal(ContentIds.From("incident", "rule-1", alerts[0].Id), Store.List()[1].Id);
    }
}
