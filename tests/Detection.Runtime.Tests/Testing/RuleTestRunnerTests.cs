using Detection.Runtime.Testing;
using Detection.Testing;

namespace Detection.Runtime.Tests.Testing;

public sealed class RuleTestRunnerTests : IDisposable
{
    private const string Rule = """
        id: 44444444-4444-4444-8444-444444444444
        name: Many failures from one address
        severity: Medium
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        query: |
          SigninLogs
          | where ResultType == "50126"
          | summarize Accounts = make_set(UserPrincipalName), Failures = count() by IPAddress
          | where Failures >= 5
        entityMappings:
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IPAddress
        customDetails:
          Accounts: Accounts
        """;

    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    private IReadOnlyList<RuleTestResult> Run(string tests)
    {
        File.WriteAllText(Path.Combine(_folder.Path, "Failures.yaml"), Rule);
        var path = Path.Combine(_folder.Path, "Failures.tests.yaml");
        File.WriteAllText(path, tests);
        return RuleTestRunner.Run(RuleTestReader.Read(path), new RuntimeOptions());
    }

    [Fact]
    public void Repeated_rows_fill_the_placeholder_and_advance_in_time_and_the_expectations_are_checked()
    {
        var results = Run("""
            cases:
              - name: five failures fire
                events:
                  - Type: SigninLogs
                    TimeGenerated: 2026-11-02T01:00:00Z
                    UserPrincipalName: "user{i}@contoso.com"
                    IPAddress: 203.0.113.7
                    ResultType: "50126"
                    $repeat: 5
                    $every: 1m
                expect:
                  alerts: 1
                  incidents: 1
                  entities: [{type: IP, Address: 203.0.113.7}]
                  customDetails: {Accounts: [user0@contoso.com, USER4@contoso.com]}
              - name: four failures do not
                events:
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:00:00Z, UserPrincipalName: a@contoso.com, IPAddress: 203.0.113.7, ResultType: "50126", $repeat: 4}
                expect:
                  alerts: 0
            """);
        Assert.All(results, r => Assert.True(r.Passed, r.Failure));
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public void A_failing_case_says_what_differed_and_shows_the_alerts()
    {
        var results = Run("""
            cases:
              - name: wrong expectation
                events:
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:00:00Z, UserPrincipalName: a@contoso.com, IPAddress: 203.0.113.7, ResultType: "50126", $repeat: 6}
                expect:
                  alerts: 2
                  entities: [{type: IP, Address: 198.51.100.1}]
            """);
        var result = Assert.Single(results);
        Assert.False(result.Passed);
        Assert.Contains("expected 2 alert(s), got 1", result.Failure);
        Assert.Contains("no alert has the entity type=IP, Address=198.51.100.1", result.Failure);
        Assert.Contains("IP(Address=203.0.113.7)", result.Failure);
    }

    [Fact]
    public void An_event_arriving_after_its_window_ran_is_missed_as_a_late_event()
    {
        var results = Run("""
            cases:
              - name: the sixth failure arrives after the 02:00 run and is late
                events:
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:10:00Z, UserPrincipalName: a@contoso.com, IPAddress: 203.0.113.7, ResultType: "50126", $repeat: 4, $every: 1m}
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:50:00Z, UserPrincipalName: b@contoso.com, IPAddress: 203.0.113.7, ResultType: "50126", $arrival: 2026-11-02T02:30:00Z}
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T02:20:00Z, UserPrincipalName: c@contoso.com, IPAddress: 198.51.100.9, ResultType: "0"}
                to: 2026-11-02T03:00:00Z
                expect:
                  alerts: 0
              - name: the same event on time fires
                events:
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:10:00Z, UserPrincipalName: a@contoso.com, IPAddress: 203.0.113.7, ResultType: "50126", $repeat: 4, $every: 1m}
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T01:50:00Z, UserPrincipalName: b@contoso.com, IPAddress: 203.0.113.7, ResultType: "50126", $arrival: 2026-11-02T01:51:00Z}
                  - {Type: SigninLogs, TimeGenerated: 2026-11-02T02:20:00Z, UserPrincipalName: c@contoso.com, IPAddress: 198.51.100.9, ResultType: "0"}
                to: 2026-11-02T03:00:00Z
                expect:
                  alerts: 1
            """);
        Assert.All(results, r => Assert.True(r.Passed, r.Failure));
    }

    [Fact]
    public void A_broken_tests_file_is_reported_with_its_position()
    {
        var path = Path.Combine(_folder.Path, "Broken.tests.yaml");
        File.WriteAllText(path, "cases:\n  - name: no expectation\n    events: []\n");
        var error = Assert.Throws<FormatException>(() => RuleTestReader.Read(path));
        Assert.StartsWith($"{path}:2:", error.Message);
        Assert.Contains("expect", error.Message);
    }
}
