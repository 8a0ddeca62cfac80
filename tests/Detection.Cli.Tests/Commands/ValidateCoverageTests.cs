namespace Detection.Cli.Tests.Commands;

public sealed class ValidateCoverageTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("detect-coverage-").FullName;

    private const string Rule = """
        id: 0b9f4c59-52f4-4bb5-8d3c-3c8f0f0f2a11
        name: Spray from one address
        severity: Medium
        kind: Scheduled
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        tactics:
          - CredentialAccess
        relevantTechniques:
          - T1110.003
        query: |
          SigninLogs
          | where ResultType == "50126"
          | summarize Accounts = dcount(UserPrincipalName) by IPAddress
        """;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Writes_the_coverage_table_between_the_markers_of_the_file()
    {
        Directory.CreateDirectory(Path.Combine(_dir, "Authentication"));
        File.WriteAllText(Path.Combine(_dir, "Authentication", "Spray.yaml"), Rule);
        var readme = Path.Combine(_dir, "README.md");
        File.WriteAllText(readme, "# Rules\n<!-- coverage:begin -->\nstale\n<!-- coverage:end -->\nend\n");

        var run = CliRun.Invoke("validate", _dir, "--coverage", readme);

        Assert.Equal(0, run.ExitCode);
        var text = File.ReadAllText(readme);
        Assert.Contains("| CredentialAccess | T1110.003 | [Spray from one address](Authentication/Spray.yaml) |", text, StringComparison.Ordinal);
        Assert.DoesNotContain("stale", text, StringComparison.Ordinal);
        Assert.EndsWith("<!-- coverage:end -->\nend\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_without_markers_is_left_alone_and_reported()
    {
        File.WriteAllText(Path.Combine(_dir, "Spray.yaml"), Rule);
        var readme = Path.Combine(_dir, "README.md");
        File.WriteAllText(readme, "# Rules\n");

        var run = CliRun.Invoke("validate", _dir, "--coverage", readme);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("coverage:begin", run.Error, StringComparison.Ordinal);
        Assert.Equal("# Rules\n", File.ReadAllText(readme));
    }
}
