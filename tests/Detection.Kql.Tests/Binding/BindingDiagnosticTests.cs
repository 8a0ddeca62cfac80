using Detection.Kql.Schemas;

namespace Detection.Kql.Tests.Binding;

/// <summary>Name and type errors, one family per block: query → code and span. Spans agree with the official Kusto.Language.</summary>
public class BindingDiagnosticTests
{
    private static IReadOnlyList<Detection.Kql.Diagnostics.Diagnostic> Bind(string query) =>
        KqlCode.ParseAndBind(query, SchemaSet.Default).Diagnostics;

    [Theory]
    // unknown column / variable
    [InlineData("print x = 1 | extend y = zz", "KQL100", 25, 2)]
    [InlineData("print x = 1 | summarize count() by y", "KQL100", 35, 1)]
    [InlineData("print a = 1 | extend b = a.x", "KQL100", 27, 1)]
    [InlineData("SigninLogs | project-reorder Foo", "KQL100", 29, 3)]
    [InlineData("SigninLogs | project-reorder Bar*", "KQL100", 29, 4)]
    [InlineData("SigninLogs | summarize dcount(UserId) by AppId | where dcount_User > 1", "KQL100", 55, 11)]
    [InlineData("SigninLogs | join (AuditLogs) on $left.UserId == $right.NoSuch", "KQL100", 56, 6)]
    // column name expected (project-away / project-rename of a missing column)
    [InlineData("SigninLogs | project-away Foo", "KQL108", 26, 3)]
    [InlineData("SigninLogs | project-rename A = Foo", "KQL108", 32, 3)]
    // unknown table, unknown function
    [InlineData("DeviceEvents | take 1", "KQL101", 0, 12)]
    [InlineData("SigninLogs | union NoSuchTable", "KQL101", 19, 11)]
    [InlineData("print a = aadFunc('x')", "KQL102", 10, 7)]
    // argument count and argument types
    [InlineData("print tostring(1, 2)", "KQL103", 6, 8)]
    [InlineData("print substring()", "KQL103", 6, 9)]
    [InlineData("print a = iff(\"x\", 1, 2)", "KQL105", 14, 3)]
    [InlineData("print a = ago(\"1d\")", "KQL105", 14, 4)]
    [InlineData("print a = strlen(1)", "KQL106", 17, 1)]
    [InlineData("print c = trim(1, \"x\")", "KQL105", 15, 1)]
    [InlineData("print c = ipv4_is_private(1)", "KQL105", 26, 1)]
    [InlineData("print c = coalesce(1)", "KQL103", 10, 8)]
    [InlineData("print a = parse_json(1)", "KQL106", 21, 1)]
    // operators on incompatible types
    [InlineData("print a = \"x\" | where a > 1", "KQL104", 24, 1)]
    [InlineData("print a = 1 | where a > now()", "KQL104", 22, 1)]
    [InlineData("SigninLogs | where TimeGenerated > \"2020-01-01\"", "KQL104", 33, 1)]
    // predicates must be bool; mv-expand needs dynamic; dynamic arrays
    [InlineData("print a = 1 | where 1", "KQL106", 20, 1)]
    [InlineData("print 1 | mv-expand y = \"a\"", "KQL106", 20, 7)]
    [InlineData("SigninLogs | extend u = strcat_array(Location, \"/\")", "KQL107", 37, 8)]
    [InlineData("print s = split(\"a/b\", \"/\") | extend u = strcat_array(s[0], \"/\")", "KQL107", 54, 4)]
    // string operators need strings; and/or need bools; ordering needs numbers, dates or timespans
    [InlineData("print a = 1 | where a has \"x\"", "KQL104", 22, 3)]
    [InlineData("print a = 1 | where not(a matches regex \"x\")", "KQL104", 26, 13)]
    [InlineData("print a = true | where a == true and 1", "KQL104", 33, 3)]
    [InlineData("print a = \"x\" | where a > \"y\"", "KQL104", 24, 1)]
    [InlineData("print a = \"x\" | extend c = -a", "KQL104", 27, 1)]
    [InlineData("print a = 1 | where a has_any (\"x\")", "KQL105", 20, 1)]
    // '*' arguments, type names, aggregates outside summarize
    [InlineData("SigninLogs | summarize min(*)", "KQL111", 27, 1)]
    [InlineData("print x = dynamic([1]) | mv-expand x to typeof(doublex)", "KQL112", 47, 7)]
    [InlineData("print a = count()", "KQL113", 10, 5)]
    [InlineData("print a = 1 | project-rename b = 1", "KQL108", 33, 1)]
    [InlineData("SigninLogs | summarize by UserId, Status.b", "KQL115", 34, 8)]
    [InlineData("print a = tostring(1[0].x)", "KQL117", 20, 3)]
    [InlineData("print a = 1 | where isempty", "KQL118", 20, 7)]
    [InlineData("print a = 1 | extend b = count", "KQL100", 25, 5)]
    [InlineData("print s = \"a:b\" | parse s with x:stringx \":\" y", "KQL112", 33, 7)]
    [InlineData("SigninLogs | summarize n = count(), Last = (TimeGenerated)", "KQL116", 44, 13)]
    [InlineData("SigninLogs | join kind=sideways (AuditLogs) on TimeGenerated", "KQL004", 23, 8)]
    [InlineData("SigninLogs\n where true", "KQL114", 12, 5)]
    // member access on a non-dynamic value (column_ifexists is typed by its default)
    [InlineData("SigninLogs | extend L = column_ifexists(\"LocationDetails\", \"\") | extend c = L.city", "KQL100", 78, 4)]
    public void A_binding_error_is_reported_with_its_code_and_span(string query, string code, int start, int length)
    {
        var diagnostics = Bind(query);

        Assert.Contains(diagnostics, d => d.Code == code && d.Span.Start == start && d.Span.Length == length);
    }

    [Theory]
    [InlineData("SigninLogs | where Status.errorCode == 50126 | where ResultType == 0 | where ResultType in (1, 2)")]
    [InlineData("print x = 1 | where x == \"a\"")]
    [InlineData("print a = case(true, 1, \"x\")")]
    [InlineData("print d = dynamic([1]) | where d == dynamic([1])")]
    [InlineData("let f = (tableName: string) { table(tableName) | where isnotempty(UserAgent) };\nf(\"SigninLogs\")")]
    [InlineData("SigninLogs | evaluate bag_unpack(LocationDetails) | where city == \"Paris\"")]
    [InlineData("union isfuzzy=true SigninLogs, AADNonInteractiveUserSignInLogs | extend L = LocationDetails_dynamic.city")]
    [InlineData("print a = true | where a > false")]
    [InlineData("print a = array_sort_asc(dynamic([2, 1])), b = series_fill_linear(dynamic([1, 2]))")]
    [InlineData("SigninLogs | extend c = trim(\" \", tostring(Status.x)), d = ipv4_is_private(tostring(LocationDetails.ip))")]
    [InlineData("print x = 1 | summarize take_any(*), any(*), arg_max(x, *)")]
    public void Queries_Kusto_accepts_bind_without_errors(string query)
    {
        Assert.DoesNotContain(Bind(query), d => d.IsError);
    }

    [Theory]
    [InlineData("_GetWatchlist('VIPs') | project SearchKey", "KQL200")]
    [InlineData("imAuthentication | where TargetUsername == \"x\"", "KQL200")]
    [InlineData("_Im_Authentication(starttime = ago(1d)) | take 1", "KQL200")]
    [InlineData("SigninLogs | render timechart", "KQL201")]
    [InlineData("search \"admin\"", "KQL202")]
    [InlineData("union isfuzzy=true SigninLogs, NoSuchTable | take 1", "KQL203")]
    public void Things_we_cannot_check_are_warnings_not_errors(string query, string code)
    {
        var diagnostics = Bind(query);

        Assert.Contains(diagnostics, d => d.Code == code && !d.IsError);
        Assert.DoesNotContain(diagnostics, d => d.IsError);
    }
}

public class RealisticQueryTests
{
    public static TheoryData<string> Queries() => new(Support.RealisticQueries.Valid);

    [Theory]
    [MemberData(nameof(Queries))]
    public void Realistic_detection_queries_bind_without_errors_and_round_trip(string query)
    {
        var code = KqlCode.ParseAndBind(query, SchemaSet.Default);

        Assert.DoesNotContain(code.Diagnostics, d => d.IsError);
        Assert.Equal(query, code.Syntax.ToFullString());
    }
}
