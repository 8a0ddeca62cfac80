using Detection.Kql.Schemas;
using Detection.Rules.Loading;
using Detection.Rules.Validation;

namespace Detection.Rules.Tests;

public class RuleValidatorTests
{
    private static string Rule(string overrides = "", string query = "SigninLogs\n  | where ResultType == \"50126\"\n  | project TimeGenerated, IPAddress, UserPrincipalName")
    {
        var fields = new Dictionary<string, string>
        {
            ["id"] = "id: 5f1b7c1e-2d3a-4b8e-9a51-0c4f1e2d3a4b",
            ["name"] = "name: Failed sign-ins",
            ["severity"] = "severity: Low",
            ["kind"] = "kind: Scheduled",
            ["queryFrequency"] = "queryFrequency: 1h",
            ["queryPeriod"] = "queryPeriod: 1h",
            ["triggerOperator"] = "triggerOperator: gt",
            ["triggerThreshold"] = "triggerThreshold: 0",
            ["tactics"] = "tactics:\n  - CredentialAccess",
            ["relevantTechniques"] = "relevantTechniques:\n  - T1110",
        };
        foreach (var line in overrides.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = line.Split(':')[0].TrimStart('-', ' ');
            if (line.StartsWith('-')) fields.Remove(name);
            else fields[name] = line.Replace("\\n", "\n");
        }
        return string.Join("\n", fields.Values) + "\nquery: |\n  " + query + "\n";
    }

    private static IReadOnlyList<RuleDiagnostic> Validate(string text)
    {
        var loaded = RuleLoader.Load(text, "rule.yaml");
        Assert.NotNull(loaded.Rule);
        return loaded.Diagnostics.Concat(RuleValidator.Validate(loaded.Rule!, SchemaSet.Default)).ToList();
    }

    private static IEnumerable<string> Codes(string text) => Validate(text).Where(d => d.Code.StartsWith("RULE")).Select(d => d.Code);

    [Fact]
    public void A_correct_rule_has_no_rule_diagnostics() => Assert.Empty(Codes(Rule()));

    [Theory]
    [InlineData("queryFrequency: 1m", "RULE101")]
    [InlineData("queryPeriod: 15d", "RULE101")]
    [InlineData("queryPeriod: 30m", "RULE102")]
    [InlineData("queryFrequency: 30m\nqueryPeriod: 2d", "RULE103")]
    [InlineData("triggerThreshold: 10001", "RULE104")]
    [InlineData("triggerOperator: above", "RULE005")]
    [InlineData("severity: Critical", "RULE005")]
    [InlineData("id: not-a-guid", "RULE005")]
    [InlineData("kind: Fusion", "RULE005")]
    [InlineData("tactics:\\n  - Hacking", "RULE105")]
    [InlineData("relevantTechniques:\\n  - T11", "RULE106")]
    [InlineData("queryPeriod: soon", "RULE006")]
    [InlineData("-severity", "RULE003")]
    [InlineData("-queryPeriod", "RULE003")]
    [InlineData("suppressionDuration: 2d", "RULE114")]
    public void Sentinel_ranges_and_values_are_enforced(string change, string code) =>
        Assert.Contains(code, Codes(Rule(change)));

    [Theory]
    [InlineData("tactics:\\n  - Reconnaissance", "relevantTechniques:\\n  - T1046", true)]            // T1046 is Discovery
    [InlineData("tactics:\\n  - Reconnaissance\\n  - Discovery", "relevantTechniques:\\n  - T1046", false)]
    [InlineData("tactics:\\n  - PrivilegeEscalation", "relevantTechniques:\\n  - T1098.003", false)]
    [InlineData("tactics:\\n  - Impact", "relevantTechniques:\\n  - T1562.007", true)]               // a sub-technique takes its parent's tactics
    [InlineData("tactics:\\n  - Impact", "relevantTechniques:\\n  - T9999", false)]                  // not in the table: not checked
    public void A_technique_that_belongs_to_none_of_the_rules_tactics_is_a_warning(string tactics, string techniques, bool warned)
    {
        var diagnostics = Validate(Rule(tactics + "\n" + techniques)).Where(d => d.Code == "RULE116").ToList();
        Assert.Equal(warned, diagnostics.Count == 1);
        Assert.All(diagnostics, d => Assert.Equal(Kql.Diagnostics.DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void An_NRT_rule_needs_no_schedule()
    {
        var codes = Codes(Rule("kind: NRT\n-queryFrequency\n-queryPeriod\n-triggerOperator\n-triggerThreshold"));
        Assert.Empty(codes);
    }

    [Fact]
    public void Entity_mappings_are_checked_against_Sentinel_entity_types_and_identifiers()
    {
        var text = Rule() + """
            entityMappings:
              - entityType: Person
                fieldMappings:
                  - identifier: Name
                    columnName: UserPrincipalName
              - entityType: Account
                fieldMappings:
                  - identifier: Email
                    columnName: UserPrincipalName
            """;

        var diagnostics = Validate(text);

        Assert.Contains(diagnostics, d => d.Code == "RULE107" && d.Message.Contains("Person"));
        var identifier = Assert.Single(diagnostics, d => d.Code == "RULE108");
        Assert.Equal(text.Split('\n').ToList().FindIndex(l => l.Contains("identifier: Email")) + 1, identifier.Line);
    }

    [Fact]
    public void Custom_details_keys_and_override_placeholders_are_limited()
    {
        var text = Rule() + """
            customDetails:
              "bad key": IPAddress
            alertDetailsOverride:
              alertDisplayNameFormat: "{{A}} {{B}} {{C}} {{D}}"
            """;

        var codes = Codes(text).ToList();

        Assert.Contains("RULE110", codes);
        Assert.Contains("RULE111", codes);
    }

    [Fact]
    public void Incident_grouping_lookback_is_limited_to_seven_days()
    {
        var text = Rule() + """
            incidentConfiguration:
              createIncident: true
              groupingConfiguration:
                enabled: true
                lookbackDuration: 8d
            """;

        Assert.Contains("RULE112", Codes(text));
    }

    [Fact]
    public void Query_errors_are_reported_at_their_position_in_the_file()
    {
        var text = Rule(query: "SigninLogs\n  | where NoSuchColumn == 1");

        var diagnostic = Assert.Single(Validate(text), d => d.Code.StartsWith("KQL") && d.IsError);

        var lines = text.Split('\n');
        Assert.Equal(Array.FindIndex(lines, l => l.Contains("NoSuchColumn")) + 1, diagnostic.Line);
        Assert.Equal(lines[diagnostic.Line - 1].IndexOf("NoSuchColumn", StringComparison.Ordinal) + 1, diagnostic.Column);
    }

    [Fact]
    public void Two_rules_with_one_id_are_reported_and_each_file_keeps_its_own_report()
    {
        using var dir = new Detection.Testing.TempDirectory();
        File.WriteAllText(dir.File("a.yaml"), Rule());
        File.WriteAllText(dir.File("b.yaml"), Rule());
        File.WriteAllText(dir.File("c.yaml"), "name: [broken");

        var reports = RuleSetValidator.Validate([dir.Path], SchemaSet.Default);

        Assert.Equal(3, reports.Count);
        Assert.True(reports[0].Ok);
        Assert.Contains(reports[1].Diagnostics, d => d.Code == "RULE007");
        Assert.Contains(reports[2].Diagnostics, d => d.Code == "RULE001");
    }
}

public class RuleResultColumnTests
{
    [Fact]
    public void Mappings_and_custom_details_must_name_columns_the_query_returns()
    {
        var text = """
            id: 5f1b7c1e-2d3a-4b8e-9a51-0c4f1e2d3a4b
            name: Failed sign-ins
            severity: Low
            kind: Scheduled
            queryFrequency: 1h
            queryPeriod: 1h
            triggerOperator: gt
            triggerThreshold: 0
            query: |
              SigninLogs
              | project-rename SourceIP = IPAddress
              | project TimeGenerated, SourceIP, UserPrincipalName
            entityMappings:
              - entityType: IP
                fieldMappings:
                  - identifier: Address
                    columnName: IPAddress
            customDetails:
              User: UserPrincipalName
            """;
        var loaded = Detection.Rules.Loading.RuleLoader.Load(text, "r.yaml");

        var diagnostics = RuleValidator.Validate(loaded.Rule!, Detection.Kql.Schemas.SchemaSet.Default);

        var missing = Assert.Single(diagnostics, d => d.Code == "RULE113");
        Assert.Contains("IPAddress", missing.Message);
        Assert.Equal(17, missing.Line);
    }
}
