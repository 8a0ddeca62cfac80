using Detection.Rules.Loading;
using Detection.Rules.Model;

namespace Detection.Rules.Tests;

public class RuleLoaderTests
{
    private const string Rule = """
        id: 5f1b7c1e-2d3a-4b8e-9a51-0c4f1e2d3a4b
        name: Password spray from one address
        description: |
          Many accounts fail from one IP.
        severity: Medium
        requiredDataConnectors:
          - connectorId: AzureActiveDirectory
            dataTypes:
              - SigninLogs
        queryFrequency: 1h
        queryPeriod: PT2H
        triggerOperator: GreaterThan
        triggerThreshold: 0
        tactics:
          - CredentialAccess
        relevantTechniques:
          - T1110.003
        query: |
          SigninLogs
          | where ResultType == "50126"
          | summarize Accounts = dcount(UserPrincipalName) by IPAddress
        entityMappings:
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IPAddress
        customDetails:
          Accounts: Accounts
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: true
            lookbackDuration: 5h
            matchingMethod: Selected
            groupByEntities:
              - IP
        version: 1.0.0
        kind: Scheduled
        """;

    [Fact]
    public void A_Sentinel_rule_loads_with_every_field_it_uses()
    {
        var result = RuleLoader.Load(Rule, "spray.yaml");

        Assert.Empty(result.Diagnostics);
        var rule = result.Rule!;
        Assert.Equal("Password spray from one address", rule.Name);
        Assert.Equal(RuleKind.Scheduled, rule.Kind);
        Assert.Equal(TimeSpan.FromHours(1), rule.QueryFrequency);
        Assert.Equal(TimeSpan.FromHours(2), rule.QueryPeriod);
        Assert.Equal("gt", rule.TriggerOperator);
        Assert.Equal(0, rule.TriggerThreshold);
        Assert.Equal(["CredentialAccess"], rule.Tactics.ToArray());
        Assert.StartsWith("SigninLogs\n| where", rule.Query);
        Assert.Equal("IP", rule.EntityMappings.Single().EntityType);
        Assert.Equal("IPAddress", rule.EntityMappings.Single().FieldMappings.Single().ColumnName);
        Assert.Equal("Accounts", rule.CustomDetails["Accounts"]);
        Assert.Equal("AlertPerResult", rule.AggregationKind);
        Assert.Equal(TimeSpan.FromHours(5), rule.IncidentConfiguration!.LookbackDuration);
        Assert.Equal(["IP"], rule.IncidentConfiguration.GroupByEntities.ToArray());
    }

    [Fact]
    public void Fields_the_engine_does_not_use_are_kept()
    {
        var rule = RuleLoader.Load(Rule, "spray.yaml").Rule!;

        Assert.True(rule.Fields.ContainsKey("requiredDataConnectors"));
        Assert.Equal(6, rule.Fields["requiredDataConnectors"].Position.Line);
    }

    [Fact]
    public void The_query_block_is_located_in_the_file()
    {
        var rule = RuleLoader.Load(Rule, "spray.yaml").Rule!;

        Assert.Equal(new QueryLocation(FirstLine: 19, Indent: 2, IsExact: true), rule.QueryLocation);
    }

    [Fact]
    public void Invalid_yaml_is_reported_with_its_position_and_no_rule()
    {
        var result = RuleLoader.Load("id: 1\nname: [unclosed\nseverity: High\n", "broken.yaml");

        Assert.Null(result.Rule);
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("RULE001", diagnostic.Code);
        Assert.True(diagnostic.Line >= 2);
    }

    [Fact]
    public void A_field_of_the_wrong_type_is_reported_where_it_stands()
    {
        var result = RuleLoader.Load("id: x\nname: n\ntriggerThreshold: many\n", "t.yaml");

        var diagnostic = Assert.Single(result.Diagnostics, d => d.Code == "RULE004");
        Assert.Equal(3, diagnostic.Line);
    }

    [Theory]
    [InlineData("5m", 5)]
    [InlineData("1h", 60)]
    [InlineData("14d", 20160)]
    [InlineData("PT1H", 60)]
    [InlineData("P1D", 1440)]
    [InlineData("PT30M", 30)]
    public void Durations_are_read_in_short_and_ISO_forms(string text, int minutes)
    {
        Assert.True(Durations.TryParse(text, out var value));
        Assert.Equal(TimeSpan.FromMinutes(minutes), value);
    }

    [Fact]
    public void Folders_are_searched_for_rules_without_their_test_files()
    {
        using var dir = new Detection.Testing.TempDirectory();
        Directory.CreateDirectory(dir.File("sub"));
        File.WriteAllText(dir.File("b.yaml"), "");
        File.WriteAllText(dir.File("sub/a.yml"), "");
        File.WriteAllText(dir.File("b.tests.yaml"), "");
        File.WriteAllText(dir.File("notes.md"), "");

        var files = RuleLoader.FindRuleFiles([dir.Path]).Select(Path.GetFileName);

        Assert.Equal(["b.yaml", "a.yml"], files);
    }
}
