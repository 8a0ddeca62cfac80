using Detection.Tables;
using Detection.Query.Diagnostics;
using Detection.Query.Tests.Support;

namespace Detection.Query.Tests.Binding;

public class BinderTests
{
    private static readonly Table SignIns = TestTables.Create("SigninLogs",
        "(TimeGenerated: datetime, UserPrincipalName: string, ResultType: string, Port: int, Details: dynamic, Took: timespan, AppId: guid)", []);

    private static readonly Table Audit = TestTables.Create("AuditLogs", "(OperationName: string)", []);

    private static QueryDiagnostic Error(string query) =>
        Assert.Throws<QueryException>(() => TestTables.Run(query, SignIns, Audit)).Diagnostic;

    [Fact]
    public void An_unknown_table_suggests_close_names()
    {
        var error = Error("SigninLog | count");
        Assert.Equal(("QRY010", new SourcePosition(1, 1)), (error.Code, error.Position));
        Assert.Contains("did you mean SigninLogs?", error.Message);
    }

    [Fact]
    public void A_partial_table_name_suggests_the_closest_in_length_first()
    {
        var tables = new[] { "AADServicePrincipalSignInLogs", "SigninLogs", "AADNonInteractiveUserSignInLogs" }
            .Select(name => TestTables.Create(name, "(A: string)", [])).ToArray();
        var error = Assert.Throws<QueryException>(() => TestTables.Run("Signin", tables)).Diagnostic;
        Assert.Contains("did you mean SigninLogs, AADServicePrincipalSignInLogs, AADNonInteractiveUserSignInLogs?", error.Message);
    }

    [Fact]
    public void A_table_name_in_the_wrong_case_is_unknown_and_suggests_the_right_case() =>
        Assert.Contains("did you mean SigninLogs?", Error("signinlogs").Message);

    [Fact]
    public void An_unknown_table_with_nothing_close_lists_the_known_tables() =>
        Assert.Contains("known tables: AuditLogs, SigninLogs", Error("Heartbeat").Message);

    [Fact]
    public void An_unknown_column_suggests_close_names_and_points_at_it()
    {
        var error = Error("SigninLogs | project UserPrincipal");
        Assert.Equal(("QRY011", new SourcePosition(1, 22)), (error.Code, error.Position));
        Assert.Contains("unknown column 'UserPrincipal' in SigninLogs (did you mean UserPrincipalName?)", error.Message);
    }

    [Fact]
    public void Columns_are_case_sensitive() =>
        Assert.Contains("did you mean ResultType?", Error("SigninLogs | where resulttype == 0").Message);

    [Fact]
    public void A_column_dropped_by_project_is_unknown_afterwards()
    {
        var error = Error("SigninLogs | project ResultType | where Port == 1");
        Assert.Equal(("QRY011", new SourcePosition(1, 41)), (error.Code, error.Position));
    }

    [Fact]
    public void A_column_projected_twice_is_an_error() =>
        Assert.Equal("QRY013", Error("SigninLogs | project Port, Port").Code);

    [Theory]
    [InlineData("SigninLogs | where Port has '22'", 25)]
    [InlineData("SigninLogs | where Port =~ 22", 25)]
    [InlineData("SigninLogs | where Port == '22'", 28)]
    [InlineData("SigninLogs | where ResultType == true", 34)]
    [InlineData("SigninLogs | where ResultType == datetime(2026-01-01)", 34)]
    [InlineData("SigninLogs | where TimeGenerated == '2026-01-01'", 37)]
    [InlineData("SigninLogs | where Details == 'x'", 20)]
    [InlineData("SigninLogs | where Took == 5", 20)]
    public void Comparisons_the_slice_cannot_do_are_type_errors_at_the_culprit(string query, int column)
    {
        var error = Error(query);
        Assert.Equal(("QRY012", new SourcePosition(1, column)), (error.Code, error.Position));
    }

    [Fact]
    public void A_guid_column_needs_a_guid_text() =>
        Assert.Equal("QRY004", Error("SigninLogs | where AppId == 'not-a-guid'").Code);
}
