using Detection.Kql.Schemas;

namespace Detection.Kql.Tests.Binding;

/// <summary>The output columns of each operator, written as Kusto prints them (name: type). Expectations are the official Kusto.Language's.</summary>
public class OutputSchemaTests
{
    private const string Signins = "SigninLogs | project UserId, T = TimeGenerated, S = Status";

    [Theory]
    [InlineData("print x = 1, 2, strcat(\"a\", \"b\")", "x: long, print_1: long, print_2: string")]
    [InlineData(Signins + " | extend tostring(S.errorCode), toupper(UserId), S.a, S['b'], 1", "UserId: string, T: datetime, S: dynamic, S_errorCode: string, Column1: string, S_a: dynamic, S_b: dynamic, Column2: long")]
    [InlineData(Signins + " | project tostring(S.errorCode), a = 1, S.a", "S_errorCode: string, a: long, S_a: dynamic")]
    [InlineData(Signins + " | project-away S | project-rename User = UserId", "User: string, T: datetime")]
    [InlineData(Signins + " | project-reorder T, S", "T: datetime, S: dynamic, UserId: string")]
    [InlineData(Signins + " | project-keep U*, T", "UserId: string, T: datetime")]
    [InlineData(Signins + " | where T > ago(1d) | take 5 | sort by T desc | top 3 by T", "UserId: string, T: datetime, S: dynamic")]
    [InlineData(Signins + " | summarize count(), dcount(UserId), make_set(S.code), countif(true), max(T + 1d) by bin(T, 1h)", "T: datetime, count_: long, dcount_UserId: long, set_S_code: dynamic, countif_: long, max_: datetime")]
    [InlineData(Signins + " | summarize arg_max(T, *) by UserId", "UserId: string, T: datetime, S: dynamic")]
    [InlineData(Signins + " | summarize take_any(S), make_set(UserId), make_set(UserId) by bin(T, 1d)", "T: datetime, S: dynamic, set_UserId: dynamic, set_UserId1: dynamic")]
    [InlineData("SigninLogs | summarize by startofday(TimeGenerated), tostring(Status.a), toupper(UserId)", "TimeGenerated: datetime, Status_a: string, Column1: string")]
    [InlineData(Signins + " | join (SigninLogs | project UserId, S = Status, foo = 1) on UserId", "UserId: string, T: datetime, S: dynamic, UserId1: string, S1: dynamic, foo: long")]
    [InlineData(Signins + " | join kind=rightanti (SigninLogs | project UserId, foo = 1) on UserId", "UserId: string, foo: long")]
    [InlineData(Signins + " | join kind=leftsemi (SigninLogs | project UserId, foo = 1) on UserId", "UserId: string, T: datetime, S: dynamic")]
    [InlineData("SigninLogs | project A = UserId | join (SigninLogs | project B = UserId) on $left.A == $right.B", "A: string, B: string")]
    [InlineData("SigninLogs | summarize count() by UserId | lookup (SigninLogs | project UserId, A = 1) on UserId", "UserId: string, count_: long, A: long")]
    [InlineData("SigninLogs | project TimeGenerated, LocationDetails | union withsource=Src (AADNonInteractiveUserSignInLogs | project LocationDetails, TimeGenerated, X = 1)", "Src: string, TimeGenerated: datetime, LocationDetails_dynamic: dynamic, LocationDetails_string: string, X: long")]
    [InlineData(Signins + " | mv-expand S.a, x = S.b, S[0].y to typeof(string)", "UserId: string, T: datetime, S: dynamic, S_a: dynamic, x: dynamic, S_0_y: string")]
    [InlineData(Signins + " | mv-expand with_itemindex=I S to typeof(string)", "UserId: string, T: datetime, S: string, I: long")]
    [InlineData(Signins + " | mv-apply x = S on (where x == 1 | summarize c = count())", "UserId: string, T: datetime, S: dynamic, c: long")]
    [InlineData("SigninLogs | project UserId | parse UserId with a \"x\" b:long * \"y\" c", "UserId: string, a: string, b: long, c: string")]
    [InlineData("SigninLogs | make-series count() default = 0, avg(DurationMs) on TimeGenerated from ago(1d) to now() step 1h by UserId", "UserId: string, count_: dynamic, avg_DurationMs: dynamic, TimeGenerated: dynamic")]
    [InlineData(Signins + " | count", "Count: long")]
    [InlineData(Signins + " | distinct UserId", "UserId: string")]
    [InlineData(Signins + " | getschema", "ColumnName: string, ColumnOrdinal: long, DataType: string, ColumnType: string")]
    [InlineData("range x from 1 to 10 step 1", "x: long")]
    [InlineData("datatable(Name: string, Value: long) [\"a\", 1]", "Name: string, Value: long")]
    [InlineData("SigninLogs | project DurationMs | extend (a, b) = series_fit_line(dynamic([1, 2]))", "DurationMs: long, a: real, b: real, series_fit_line__variance: real, series_fit_line__rvariance: real, series_fit_line__interception: real, series_fit_line__line_fit: dynamic")]
    [InlineData("SigninLogs | project D = DurationMs | serialize n = row_number() | extend p = prev(D)", "D: long, n: long, p: long")]
    [InlineData("let T = SigninLogs | project UserId;\nT | as Named | extend v = 1", "UserId: string, v: long")]
    public void Each_operator_produces_the_columns_Kusto_computes(string query, string expected)
    {
        var code = KqlCode.ParseAndBind(query, SchemaSet.Default);

        Assert.DoesNotContain(code.Diagnostics, d => d.IsError);
        var shape = code.Binding!.ResultShape!;
        Assert.Equal(expected, string.Join(", ", shape.Columns.Select(c => $"{c.Name}: {c.Type.Display}")));
    }

    [Fact]
    public void Result_columns_are_available_as_plain_column_symbols()
    {
        var code = KqlCode.ParseAndBind("SigninLogs | project UserId, n = 1", SchemaSet.Default);

        Assert.Equal(["UserId: string", "n: long"], code.Binding!.ResultShape!.ToColumnSymbols().Select(c => c.ToString()));
    }
}
