using System.Text.Json;
using Detection.Testing;

namespace Detection.Cli.Tests.Commands;

public sealed class QueryCommandTests : IDisposable
{
    private readonly TempDirectory _folder = new();

    public QueryCommandTests()
    {
        File.WriteAllText(_folder.File("signins.jsonl"), """
            {"Type":"SigninLogs","TimeGenerated":"2026-11-02T08:30:00Z","UserPrincipalName":"alice@contoso.com","ResultType":"50126","IPAddress":"203.0.113.7"}
            {"Type":"SigninLogs","TimeGenerated":"2026-11-02T08:31:00Z","UserPrincipalName":"alice@contoso.com","ResultType":"0","IPAddress":"203.0.113.7"}
            {"Type":"SigninLogs","TimeGenerated":"2026-11-02T08:32:00.5Z","UserPrincipalName":"bob@contoso.com","ResultType":"50126","IPAddress":"198.51.100.1"}

            """.Replace("\r\n", "\n"));
        Directory.CreateDirectory(_folder.File("more"));
        File.WriteAllText(_folder.File("more/audit.jsonl"), """
            {"Type":"AuditLogs","TimeGenerated":"2026-11-02T09:00:00Z","OperationName":"Add member to role"}

            """);
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Count_prints_the_number_of_rows_and_reports_the_load_on_stderr_only()
    {
        var run = CliRun.Invoke("query", "SigninLogs | count", "--data", _folder.File("signins.jsonl"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Count\n-----\n    3\n", run.Output);
        Assert.Contains("loaded 1 file(s): SigninLogs 3", run.Error);
    }

    [Fact]
    public void Where_and_project_print_an_aligned_table()
    {
        var run = CliRun.Invoke("query", "SigninLogs | where ResultType == 50126 | project TimeGenerated, UserPrincipalName", "--data", _folder.File("signins.jsonl"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """
            TimeGenerated           UserPrincipalName
            ----------------------  -----------------
            2026-11-02T08:30:00Z    alice@contoso.com
            2026-11-02T08:32:00.5Z  bob@contoso.com

            """.Replace("\r\n", "\n"),
            run.Output);
    }

    [Fact]
    public void Json_output_is_the_Log_Analytics_shape()
    {
        var run = CliRun.Invoke("query", "SigninLogs | where UserPrincipalName has 'bob' | project TimeGenerated, IPAddress", "--data", _folder.File("signins.jsonl"), "--format", "json");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            """{"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"IPAddress","type":"string"}],"rows":[["2026-11-02T08:32:00.5Z","198.51.100.1"]]}]}""" + "\n",
            run.Output);
    }

    [Fact]
    public void Csv_output_has_a_header_and_crlf_lines()
    {
        var run = CliRun.Invoke("query", "SigninLogs | where ResultType != 50126 | project UserPrincipalName, ResultType", "--data", _folder.File("signins.jsonl"), "-f", "csv");

        Assert.Equal("UserPrincipalName,ResultType\r\nalice@contoso.com,0\r\n", run.Output);
    }

    [Fact]
    public void Data_takes_folders_globs_and_repeated_flags()
    {
        var run = CliRun.Invoke("query", "AuditLogs | count", "--data", Path.Combine(_folder.Path, "*.jsonl"), "--data", _folder.File("more"));

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("    1", run.Output);
        Assert.Contains("AuditLogs 1, SigninLogs 3", run.Error);
    }

    [Fact]
    public void A_known_table_without_rows_counts_zero()
    {
        var run = CliRun.Invoke("query", "AzureActivity | count", "--data", _folder.File("signins.jsonl"));
        Assert.Equal((0, "Count\n-----\n    0\n"), (run.ExitCode, run.Output));
    }

    [Fact]
    public void A_bad_record_is_reported_on_stderr_and_the_good_ones_are_queried()
    {
        File.AppendAllText(_folder.File("signins.jsonl"), "{\"Type\":\"SigninLogs\",\"TimeGenerated\":\"not a time\"}\n{ broken\n");

        var run = CliRun.Invoke("query", "SigninLogs | count", "--data", _folder.File("signins.jsonl"));

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("Count\n-----\n    3\n", run.Output);
        Assert.Contains("2 record(s) rejected", run.Error);
        Assert.Contains("signins.jsonl:4", run.Error);
    }

    [Fact]
    public void A_syntax_error_exits_1_with_the_position_before_any_data_is_read()
    {
        var run = CliRun.Invoke("query", "SigninLogs | where ResultType ==", "--data", _folder.File("does-not-exist"));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("error KQL005:", run.Error);
        Assert.Contains(" at 1:33", run.Error);
        Assert.DoesNotContain("loaded", run.Error);
    }

    [Fact]
    public void An_unknown_column_exits_1_with_its_position_before_any_data_is_read()
    {
        var run = CliRun.Invoke("query", "SigninLogs | where userPrincipalName has 'bob'", "--data", _folder.File("signins.jsonl"));

        Assert.Equal(1, run.ExitCode);
        Assert.Empty(run.Output);
        Assert.Contains("error KQL100:", run.Error);
        Assert.Contains(" at 1:20", run.Error);
        Assert.DoesNotContain("loaded", run.Error);
    }

    [Fact]
    public void Summarize_by_bin_runs_on_the_evaluator()
    {
        var run = CliRun.Invoke("query", "SigninLogs | where ResultType == 50126 | summarize Failures = count(), Users = dcount(UserPrincipalName) by bin(TimeGenerated, 1h)",
            "--data", _folder.File("signins.jsonl"), "-f", "csv");

        Assert.Equal((0, "TimeGenerated,Failures,Users\r\n2026-11-02T08:00:00Z,2,2\r\n"), (run.ExitCode, run.Output));
    }

    [Fact]
    public void Now_comes_from_the_now_option()
    {
        var run = CliRun.Invoke("query", "SigninLogs | where TimeGenerated > ago(3h) | count", "--data", _folder.File("signins.jsonl"), "--now", "2026-11-02T11:31:00Z");

        Assert.Equal((0, "Count\n-----\n    1\n"), (run.ExitCode, run.Output));
    }

    [Fact]
    public void An_unsupported_operator_exits_1_and_says_so()
    {
        var run = CliRun.Invoke("query", "SigninLogs | sample 1", "--data", _folder.File("signins.jsonl"));

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("error: not supported yet: operator sample at 1:14", run.Error);
    }

    [Theory]
    [InlineData("query", "SigninLogs | count")]
    [InlineData("query", "", "--data", "x")]
    [InlineData("query", "SigninLogs | count", "--data", "x", "--format", "xml")]
    [InlineData("query", "SigninLogs | count", "--data", "x", "--now", "yesterday")]
    public void Usage_problems_exit_2(params string[] args)
    {
        var run = CliRun.Invoke(args);
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("See 'detect query --help'", run.Error);
    }

    [Fact]
    public void Data_that_names_no_file_exits_2()
    {
        var run = CliRun.Invoke("query", "SigninLogs | count", "--data", _folder.File("nothing-here.json"));
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("no data files found", run.Error);
    }

    [Fact]
    public void A_custom_table_comes_from_schemas_and_table()
    {
        Directory.CreateDirectory(_folder.File("schemas"));
        File.WriteAllText(_folder.File("schemas/MyApp_CL.json"), """{"name":"MyApp_CL","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"Port_d","type":"real"}]}""");
        File.WriteAllText(_folder.File("rows.jsonl"), "{\"TimeGenerated\":\"2026-11-02T08:30:00Z\",\"Port_d\":22}\n{\"TimeGenerated\":\"2026-11-02T08:30:00Z\",\"Port_d\":443}\n");

        var run = CliRun.Invoke("query", "MyApp_CL | where Port_d == 22 | count", "--data", _folder.File("rows.jsonl"),
            "--schemas", _folder.File("schemas"), "--table", "MyApp_CL");

        Assert.Equal((0, "Count\n-----\n    1\n"), (run.ExitCode, run.Output));
    }

    [Fact]
    public void Help_shows_examples()
    {
        var run = CliRun.Invoke("query", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Examples:", run.Output);
        Assert.Contains("--format", run.Output);
    }

    [Fact]
    public void Json_output_parses()
    {
        var run = CliRun.Invoke("query", "SigninLogs", "--data", _folder.File("signins.jsonl"), "--format", "json");
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(3, json.RootElement.GetProperty("tables")[0].GetProperty("rows").GetArrayLength());
    }
}
