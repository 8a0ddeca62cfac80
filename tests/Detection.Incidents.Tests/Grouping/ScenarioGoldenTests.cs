using System.Text.Json.Nodes;
using Detection.Incidents.Alerts;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Incidents.Tests.Support;
using static Detection.Incidents.Tests.Support.TestTables;

namespace Detection.Incidents.Tests.Grouping;

/// <summary>
/// A password spray seen over four hourly runs, grouped by AllEntities with a 2-hour frame, then triaged: the alerts,
/// incidents and outbox it produces are pinned in Golden/password-spray.json.
/// </summary>
public sealed class ScenarioGoldenTests : IDisposable
{
    private readonly TempStore _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string Rule = """
        id: 5c0f3a52-6a41-4c38-9b61-2f0e1d7c9a10
        name: Password spray
        description: Many failed sign-ins from one address
        kind: Scheduled
        severity: Medium
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        tactics: [CredentialAccess]
        relevantTechniques: [T1110.003]
        query: SigninLogs
        entityMappings:
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IPAddress
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: User
        customDetails:
          Failures: Failures
        alertDetailsOverride:
          alertDisplayNameFormat: "Password spray from {{IPAddress}}"
          alertSeverityColumnName: Severity
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: true
            reopenClosedIncident: false
            lookbackDuration: 2h
            matchingMethod: AllEntities
        """;

    [Fact]
    public void Password_spray_over_four_runs()
    {
        var rule = TestRules.Load(Rule);
        var grouper = new IncidentGrouper(_temp.Store);
        var alerts = new JsonArray();
        const string schema = "(TimeGenerated: datetime, IPAddress: string, User: string, Failures: long, Severity: string, Id: string)";
        var runs = new (int Hour, object?[][] Rows)[]
        {
            (9, [[At(8, 10), "203.0.113.7", "alice@contoso.com", 40L, "", "s-1"], [At(8, 20), "198.51.100.4", "bob@contoso.com", 12L, "High", "s-2"]]),
            (10, [[At(9, 15), "203.0.113.7", "ALICE@contoso.com", 55L, "", "s-3"]]),
            (11, [[At(10, 5), "203.0.113.7", "alice@contoso.com", 61L, "", "s-4"]]), // exactly 2h after the first incident's t0: a new incident
            (12, [[At(11, 30), "198.51.100.4", "bob@contoso.com", 9L, "Low", "s-5"]]),
        };
        foreach (var (hour, rows) in runs)
        {
            var made = AlertFactory.Create(rule, RuleRun.For(rule, At(hour)), Build(schema, rows));
            foreach (var alert in made) alerts.Add(IncidentJson.Alert(alert));
            grouper.Process(rule, made);
        }
        var spray = _temp.Store.List().Single(i => i.CreatedTime == At(9) && i.Entities.Any(e => e.Properties.ContainsValue("203.0.113.7")));
        _temp.Store.Update(spray.Id, new IncidentUpdate { Status = IncidentStatus.Closed, Classification = IncidentClassification.TruePositive, Owner = "ann", Comment = "blocked at the edge", Author = "ann" });

        var output = new JsonObject
        {
            ["alerts"] = alerts,
            ["incidents"] = new JsonArray(_temp.Store.List().Select(i => (JsonNode)IncidentJson.Incident(i)).ToArray()),
            ["outbox"] = new JsonArray(_temp.Store.AllOutbox().Select(m => (JsonNode)new JsonObject
            {
                ["incidentId"] = m.IncidentId, ["version"] = m.IncidentVersion, ["changeKind"] = m.ChangeKind, ["createdTime"] = Times.Write(m.CreatedTime),
            }).ToArray()),
        };

        Golden.Match("password-spray.json", output.ToJsonString(IncidentJson.Indented) + "\n");
    }
}
