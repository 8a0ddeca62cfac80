using System.Text.Json.Nodes;
using Detection.Testing;

namespace Detection.Cli.Tests.Commands;

public sealed class TestCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private string WriteRule(string tests)
    {
        File.WriteAllText(_folder.File("Lockout.yaml"), """
            id: 77777777-7777-4777-8777-777777777777
            name: Lockouts
            severity: Low
            queryFrequency: 1h
            queryPeriod: 1h
            triggerOperator: gt
            triggerThreshold: 0
            query: |
              SigninLogs | where ResultType == "50053" | summarize Lockouts = count() by UserPrincipalName | where Lockouts >= 3
            entityMappings:
              - entityType: Account
                fieldMappings:
                  - identifier: FullName
                    columnName: UserPrincipalName
            """);
        File.WriteAllText(_folder.File("Lockout.tests.yaml"), tests);
        return _folder.Path;
    }

    [Fact]
    public void Passing_cases_exit_0_and_are_listed()
    {
        var folder = WriteRule("""
            cases:
              - name: three lockouts fire
                events:
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:00:00Z, UserPrincipalName: a@contoso.com, ResultType: "50053", $repeat: 3, $every: 5m}
                expect: {alerts: 1, entities: [{type: Account, FullName: A@contoso.com}]}
              - name: two do not
                events:
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:00:00Z, UserPrincipalName: a@contoso.com, ResultType: "50053", $repeat: 2}
                expect: {alerts: 0}
            """);
        var run = CliRun.Invoke("test", folder);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Contains("PASS", run.Output);
        Assert.EndsWith("2 passed, 0 failed\n", run.Output);
    }

    [Fact]
    public void A_failing_case_exits_1_and_says_what_differed()
    {
        var folder = WriteRule("""
            cases:
              - name: expects too much
                events:
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:00:00Z, UserPrincipalName: a@contoso.com, ResultType: "50053", $repeat: 3}
                expect: {alerts: 2}
            """);
        var run = CliRun.Invoke("test", Path.Combine(folder, "Lockout.yaml"), "--format", "json");
        Assert.Equal(1, run.ExitCode);
        var report = JsonNode.Parse(run.Output)!;
        Assert.Equal(1, report["failed"]!.GetValue<int>());
        Assert.Contains("expected 2 alert(s), got 1", report["cases"]![0]!["failure"]!.GetValue<string>());
    }

    [Fact]
    public void The_rule_pack_in_detections_passes_its_tests()
    {
        var detections = Path.Combine(Repository.Root(), "detections");
        var run = CliRun.Invoke("test", detections);
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.DoesNotContain("FAIL", run.Output);
    }
}
