using Detection.Rules.Loading;
using Detection.Rules.Model;

namespace Detection.Incidents.Tests.Support;

/// <summary>Rules read through the real loader, so raw fields (alertDetailsOverride) are there as in a rule file.</summary>
internal static class TestRules
{
    public static AnalyticsRule Load(string yaml) =>
        RuleLoader.Load(yaml, "test.yaml").Rule ?? throw new InvalidOperationException("the test rule did not load");

    /// <summary>A scheduled rule with an Account and an IP mapping and the given incident grouping lines (indented under groupingConfiguration).</summary>
    public static AnalyticsRule Grouping(string grouping, bool createIncident = true, string id = "rule-1") => Load($"""
        id: {id}
        name: Brute force
        kind: Scheduled
        severity: Medium
        queryFrequency: 1h
        queryPeriod: 1h
        query: SigninLogs
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: User
        incidentConfiguration:
          createIncident: {(createIncident ? "true" : "false")}
          groupingConfiguration:
        {Indent(grouping, 4)}
        """);

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(l => new string(' ', spaces) + l.Trim()));
}
