using System.Text.Json.Nodes;
using Detection.Generator;
using Detection.Testing;

namespace Detection.Cli.Tests.Commands;

public sealed class ReplayCommandTests : IDisposable
{
    private const string SprayRule = """
        id: 55555555-5555-4555-8555-555555555555
        name: Spray from one address
        severity: High
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        tactics: [CredentialAccess]
        relevantTechniques: [T1110.003]
        query: |
          SigninLogs
          | where ResultType == "50126"
          | summarize Accounts = dcount(UserPrincipalName) by IPAddress
          | where Accounts >= 5
        entityMappings:
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IPAddress
        """;

    private readonly TempDirectory _folder = new();
    private readonly string _data;
    private readonly string _rules;

    public ReplayCommandTests()
    {
        _data = _folder.File("data");
        SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = _data, Days = 1, Seed = 1 });
        _rules = _folder.File("rules");
        Directory.CreateDirectory(_rules);
        File.WriteAllText(Path.Combine(_rules, "spray.yaml"), SprayRule);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Json_report_has_events_rules_alerts_and_incidents_and_a_second_replay_adds_nothing()
    {
        var store = _folder.File("replay.db");
        var run = CliRun.Invoke("replay", _data, "--rules", _rules, "--store", store, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Error);
        var report = JsonNode.Parse(run.Output)!.AsObject();
        Assert.Equal(264, report["events"]!["SigninLogs"]!["read"]!.GetValue<long>());
        Assert.Equal(0, report["events"]!["SigninLogs"]!["late"]!.GetValue<long>());
        var rule = report["rules"]!.AsArray().Single()!;
        Assert.Equal("Spray from one address", rule["name"]!.GetValue<string>());
        Assert.Equal(24, rule["runs"]!.GetValue<long>());
        var alert = report["alerts"]!.AsArray().First()!;
        Assert.Equal("55555555-5555-4555-8555-555555555555", alert["ruleId"]!.GetValue<string>());
        Assert.Equal("IP", alert["entities"]!.AsArray()[0]!["type"]!.GetValue<string>());
        Assert.Equal("CredentialAccess", alert["tactics"]!.AsArray()[0]!.GetValue<string>());
        var incident = report["incidents"]!.AsArray().First()!;
        Assert.Equal("55555555-5555-4555-8555-555555555555", incident["ruleIds"]!.AsArray()[0]!.GetValue<string>());
        Assert.Contains(alert["id"]!.GetValue<string>(), report["incidents"]!.AsArray().SelectMany(i => i!["alertIds"]!.AsArray()).Select(a => a!.GetValue<string>()));

        var again = JsonNode.Parse(CliRun.Invoke("replay", _data, "--rules", _rules, "--store", store, "--format", "json").Output)!;
        Assert.Empty(again["alerts"]!.AsArray());
        Assert.Empty(again["incidents"]!.AsArray());

        var list = CliRun.Invoke("incidents", "list", "--store", store);
        Assert.Contains("Spray from one address", list.Output);
    }

    [Fact]
    public void A_broken_rule_is_reported_and_skipped_while_the_others_run()
    {
        File.WriteAllText(Path.Combine(_rules, "broken.yaml"), SprayRule.Replace("55555555-5555-4555-8555-555555555555", "66666666-6666-4666-8666-666666666666").Replace("SigninLogs\n", "SigninLog\n"));
        var run = CliRun.Invoke("replay", _data, "--rules", _rules, "--store", _folder.File("b.db"));
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("broken.yaml:", run.Error);
        Assert.Contains("rule skipped", run.Error);
        Assert.Contains("1 rules ran, 1 skipped", run.Output);
        Assert.Contains("Spray from one address", run.Output);
    }

    [Theory]
    [InlineData("--format", "xml")]
    [InlineData("--from", "yesterday")]
    [InlineData("--allowed-lateness", "soon")]
    [InlineData("--memory-budget", "lots")]
    [InlineData("--rule-parallelism", "0")]
    [InlineData("--rule-parallelism", "two")]
    public void Bad_options_are_usage_errors_naming_the_option(string option, string value)
    {
        var run = CliRun.Invoke("replay", _data, "--rules", _rules, option, value);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains(option, run.Error);
    }

    [Fact]
    public void Rules_run_one_after_the_other_with_a_rule_parallelism_of_1_and_give_the_same_alerts()
    {
        File.WriteAllText(Path.Combine(_rules, "spray-asn.yaml"), SprayRule
            .Replace("55555555-5555-4555-8555-555555555555", "77777777-7777-4777-8777-777777777777")
            .Replace("name: Spray from one address", "name: Spray from one ASN").Replace("by IPAddress", "by IPAddress, AutonomousSystemNumber"));
        string Alerts(params string[] extra)
        {
            var run = CliRun.Invoke(["replay", _data, "--rules", _rules, "--store", _folder.File($"p{extra.Length}.db"), "--format", "json", .. extra]);
            Assert.True(run.ExitCode == 0, run.Error);
            return JsonNode.Parse(run.Output)!["alerts"]!.ToJsonString();
        }
        var sequential = Alerts("--rule-parallelism", "1");
        Assert.Contains("77777777-7777-4777-8777-777777777777", sequential);
        Assert.Equal(Alerts(), sequential);
    }

    [Fact]
    public void Without_rules_it_says_how_to_give_them()
    {
        var run = CliRun.Invoke("replay", _data);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--rules", run.Error);
    }
}
