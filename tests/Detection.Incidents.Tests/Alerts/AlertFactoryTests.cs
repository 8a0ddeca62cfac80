using Detection.Incidents.Alerts;
using Detection.Incidents.Model;
using Detection.Incidents.Tests.Support;
using static Detection.Incidents.Tests.Support.TestTables;

namespace Detection.Incidents.Tests.Alerts;

public class AlertFactoryTests
{
    private const string Schema = "(TimeGenerated: datetime, User: string, IPAddress: string, Country: string, Sev: string, Tactic: string, Id: string)";

    private static string Rule(string aggregation = "SingleAlert", string extra = "") => $"""
        id: 11111111-2222-3333-4444-555555555555
        name: Sign-ins from a new country
        description: Static description
        kind: Scheduled
        severity: Low
        queryFrequency: 1h
        queryPeriod: 2h
        tactics: [InitialAccess]
        relevantTechniques: [T1078]
        query: SigninLogs
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: User
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IPAddress
        customDetails:
          Country: Country
        eventGroupingSettings:
          aggregationKind: {aggregation}
        {extra}
        """;

    private static readonly RuleRun Run = new(At(12), At(10));

    [Fact]
    public void A_single_alert_gathers_the_entities_of_every_row_deduplicated_case_insensitively()
    {
        var rule = TestRules.Load(Rule());
        var table = Build(Schema,
            [At(10, 5), "alice@contoso.com", "10.0.0.1", "FR", null, null, "e1"],
            [At(11, 30), "ALICE@contoso.com", "10.0.0.2", "DE", null, null, "e2"],
            [At(10, 50), "", "10.0.0.1", "FR", null, null, "e3"]);

        var alert = Assert.Single(AlertFactory.Create(rule, Run, table));

        Assert.Equal(["Account(FullName=alice@contoso.com)", "IP(Address=10.0.0.1)", "IP(Address=10.0.0.2)"], alert.Entities.Select(e => e.ToString()));
        Assert.Equal(At(10, 5), alert.StartTime);
        Assert.Equal(At(11, 30), alert.EndTime);
        Assert.Equal(At(12), alert.Time);
        Assert.Equal(["FR", "DE"], alert.CustomDetails["Country"].ToArray());
        Assert.Equal(["Id:e1", "Id:e2", "Id:e3"], alert.EvidenceKeys.ToArray());
        Assert.Equal(3, alert.RowCount);
        Assert.Equal(Severity.Low, alert.Severity);
        Assert.Equal(["InitialAccess"], alert.Tactics.ToArray());
        Assert.Equal(["T1078"], alert.Techniques.ToArray());
        Assert.Equal("Sign-ins from a new country", alert.DisplayName);
        Assert.Equal("Static description", alert.Description);
    }

    [Fact]
    public void Without_a_TimeGenerated_column_start_and_end_are_the_window_bounds()
    {
        var rule = TestRules.Load(Rule());
        var table = Build("(User: string, Total: long)", ["bob", 12L]);

        var alert = Assert.Single(AlertFactory.Create(rule, Run, table));

        Assert.Equal(At(10), alert.StartTime);
        Assert.Equal(At(12), alert.EndTime);
        Assert.StartsWith("row:", alert.EvidenceKeys[0]);
    }

    [Fact]
    public void An_empty_result_that_fires_still_makes_one_alert_over_the_window()
    {
        var alerts = AlertFactory.Create(TestRules.Load(Rule("AlertPerResult")), Run, Build(Schema));

        var alert = Assert.Single(alerts);
        Assert.Empty(alert.Entities);
        Assert.Equal((At(10), At(12)), (alert.StartTime, alert.EndTime));
    }

    [Fact]
    public void Alert_details_override_fills_placeholders_and_takes_severity_and_tactics_from_columns()
    {
        var rule = TestRules.Load(Rule("SingleAlert", """
            alertDetailsOverride:
              alertDisplayNameFormat: "{{User}} signed in from {{ Country }}"
              alertDescriptionFormat: "From {{IPAddress}}, {{NoSuchColumn}}"
              alertSeverityColumnName: Sev
              alertTacticsColumnName: Tactic
            """));
        var table = Build(Schema,
            [At(11), "carol@contoso.com", "10.0.0.9", "BR", "high", "CredentialAccess, Persistence", "x"],
            [At(11), "dave@contoso.com", "10.0.0.8", "AR", "Low", "Discovery", "y"]);

        var alert = Assert.Single(AlertFactory.Create(rule, Run, table));

        Assert.Equal("carol@contoso.com signed in from BR", alert.DisplayName);
        Assert.Equal("From 10.0.0.9, {{NoSuchColumn}}", alert.Description);
        Assert.Equal(Severity.High, alert.Severity);
        Assert.Equal(["CredentialAccess", "Persistence"], alert.Tactics.ToArray());
    }

    [Fact]
    public void An_invalid_severity_in_the_override_column_falls_back_to_the_rule_severity()
    {
        var rule = TestRules.Load(Rule("SingleAlert", "alertDetailsOverride:\n  alertSeverityColumnName: Sev"));
        var table = Build(Schema, [At(11), "a", "1.1.1.1", "FR", "catastrophic", null, "x"]);

        Assert.Equal(Severity.Low, Assert.Single(AlertFactory.Create(rule, Run, table)).Severity);
    }

    [Fact]
    public void Alert_per_result_makes_one_alert_a_row_with_its_own_entities_and_times()
    {
        var rule = TestRules.Load(Rule("AlertPerResult", "alertDetailsOverride:\n  alertDisplayNameFormat: \"{{User}}\""));
        var table = Build(Schema,
            [At(10, 5), "alice", "10.0.0.1", "FR", null, null, "e1"],
            [At(11, 5), "bob", "10.0.0.2", "DE", null, null, "e2"]);

        var alerts = AlertFactory.Create(rule, Run, table);

        Assert.Equal(["alice", "bob"], alerts.Select(a => a.DisplayName));
        Assert.Equal([At(10, 5), At(11, 5)], alerts.Select(a => a.StartTime));
        Assert.Equal(["DE"], alerts[1].CustomDetails["Country"].ToArray());
        Assert.Equal(2, alerts.Select(a => a.Id).Distinct().Count());
    }

    [Theory]
    [InlineData(150, 150, 1)]
    [InlineData(151, 150, 2)]
    [InlineData(400, 150, 251)]
    public void Alert_per_result_is_capped_at_150_the_last_summarising_the_rest(int rows, int alertCount, int lastRows)
    {
        var rule = TestRules.Load(Rule("AlertPerResult"));
        var table = Build(Schema, Enumerable.Range(0, rows).Select(i => new object?[] { At(11), $"user{i}", "10.0.0.1", "FR", null, null, $"e{i}" }).ToArray());

        var alerts = AlertFactory.Create(rule, Run, table);

        Assert.Equal(alertCount, alerts.Count);
        Assert.All(alerts.Take(149), a => Assert.Equal(1, a.RowCount));
        Assert.Equal(lastRows, alerts[^1].RowCount);
        if (rows > 150)
        {
            Assert.Equal($"Account(FullName=user149)", alerts[^1].Entities[0].ToString());
            Assert.Equal(Math.Min(lastRows, AlertFactory.MaxEvidenceKeys), alerts[^1].EvidenceKeys.Length);
        }
    }

    [Fact]
    public void Nrt_rules_cap_at_30_alerts()
    {
        var rule = TestRules.Load(Rule("AlertPerResult").Replace("kind: Scheduled", "kind: NRT"));
        var table = Build(Schema, Enumerable.Range(0, 40).Select(i => new object?[] { At(11), $"u{i}", "1.1.1.1", "FR", null, null, $"e{i}" }).ToArray());

        var alerts = AlertFactory.Create(rule, Run, table);

        Assert.Equal(30, alerts.Count);
        Assert.Equal(11, alerts[^1].RowCount);
    }

    [Fact]
    public void Alert_ids_are_the_same_for_the_same_run_and_differ_between_runs()
    {
        var rule = TestRules.Load(Rule("AlertPerResult"));
        var table = Build(Schema, [At(11), "alice", "1.1.1.1", "FR", null, null, "e1"], [At(11), "bob", "1.1.1.2", "FR", null, null, "e2"]);

        var first = AlertFactory.Create(rule, Run, table).Select(a => a.Id).ToArray();
        var again = AlertFactory.Create(rule, Run, table).Select(a => a.Id).ToArray();
        var later = AlertFactory.Create(rule, new RuleRun(At(13), At(11)), table).Select(a => a.Id).ToArray();

        Assert.Equal(first, again);
        Assert.Empty(first.Intersect(later));
    }

    [Fact]
    public void The_run_window_comes_from_the_rule_query_period()
    {
        var run = RuleRun.For(TestRules.Load(Rule()), At(12));

        Assert.Equal(At(10), run.WindowStart);
    }
}
