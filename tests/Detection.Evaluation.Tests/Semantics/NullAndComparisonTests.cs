using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Semantics;

/// <summary>KQL-SEMANTICS §1–§3: nulls, comparisons across types, string operators.</summary>
public class NullAndComparisonTests
{
    private static string Print(string expression) => Data.Text($"print r = {expression}").Split('\n')[1];

    [Fact]
    public void Null_not_equal_to_a_value_is_true_the_documented_trap() =>
        // null-values.md: datatable(ival:int, sval:string)[5,"a",int(null),"b"] | where ival != 5 returns (null, "b").
        Data.Check("""
            ival:int | sval:string
            null | b
            """, """datatable(ival:int, sval:string)[5, "a", int(null), "b"] | where ival != 5""");

    [Theory]
    [InlineData("int(null) + 10", "null")]
    [InlineData("int(null) > 3", "null")]
    [InlineData("int(null) == 5", "false")]
    [InlineData("int(null) != 5", "true")]
    [InlineData("int(null) == int(null)", "null")]
    [InlineData("false and bool(null)", "false")]
    [InlineData("true or bool(null)", "true")]
    [InlineData("true and bool(null)", "null")]
    [InlineData("not(bool(null))", "null")]
    [InlineData("isnull(int(null))", "true")]
    [InlineData("isnull('')", "false")]
    [InlineData("isempty('')", "true")]
    [InlineData("isempty(int(null))", "true")]
    [InlineData("isnotempty('x')", "true")]
    [InlineData("tostring(int(null))", "\"\"")]
    public void Nulls(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Theory]
    [InlineData("1 / 2", "0")]
    [InlineData("1.0 / 2", "0.5")]
    [InlineData("real(1) / 2", "0.5")]
    [InlineData("14 % 12", "2")]
    [InlineData("-14 % 12", "10")]
    [InlineData("14 % -12", "2")]
    [InlineData("-14 % -12", "10")]
    [InlineData("1d / 5h", "4.8")]
    [InlineData("1h / 1s", "3600")]
    [InlineData("1.5 * 1h", "01:30:00")]
    [InlineData("datetime(2026-11-02) - datetime(2026-11-01 12:00)", "12:00:00")]
    [InlineData("datetime(2026-11-02) + 1d", "2026-11-03T00:00:00Z")]
    [InlineData("10sec < 1h", "true")]
    [InlineData("now() > ago(1d)", "true")]
    [InlineData("5 between (1 .. 5)", "true")]
    [InlineData("datetime(2007-07-28) between (datetime(2007-07-27) .. 3d)", "true")]
    [InlineData("6 !between (1 .. 5)", "true")]
    public void Arithmetic_and_order(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Theory]
    [InlineData("'aBc' == 'aBc'", "true")]
    [InlineData("'abc' == 'ABC'", "false")]
    [InlineData("'abc' =~ 'ABC'", "true")]
    [InlineData("'North America' has 'america'", "true")]
    [InlineData("'North America' !has 'amer'", "true")]
    [InlineData("'North America' has_cs 'America'", "true")]
    [InlineData("'North America' has_cs 'america'", "false")]
    [InlineData("'North America' hasprefix 'ame'", "true")]
    [InlineData("'North America' hassuffix 'ica'", "true")]
    [InlineData("'FabriKam' contains 'BRik'", "true")]
    [InlineData("'FabriKam' contains_cs 'BRik'", "false")]
    [InlineData("'Fabrikam' startswith 'fab'", "true")]
    [InlineData("'Fabrikam' endswith 'KAM'", "true")]
    [InlineData("'Fabrikam' matches regex 'b.*k'", "true")]
    [InlineData("'abc' in ('123', '345', 'abc')", "true")]
    [InlineData("'abc' in~ ('123', '345', 'ABC')", "true")]
    [InlineData("'abc' !in~ ('ABC')", "false")]
    [InlineData("'North America' has_any ('south', 'north')", "true")]
    [InlineData("'North America' has_all ('north', 'america')", "true")]
    [InlineData("'Kusto: ad67d136-c1db-4f9f;KustoExplorerQueryRun' has 'c1db'", "true")]
    [InlineData("'KustoExplorerQueryRun' has 'Explorer'", "false")]
    [InlineData("'a b' has 'a'", "true")]
    [InlineData("'alice@contoso.com' has 'contoso.com'", "true")]
    [InlineData("'alice@subcontoso.com' has 'contoso.com'", "false")]
    [InlineData("5 in (dynamic([1, 5]))", "true")]
    public void String_operators(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Theory]
    [InlineData("dynamic({\"a\": {\"b\": [10, 20]}}).a.b[1]", "20")]
    [InlineData("dynamic({\"a\": 1})['a']", "1")]
    [InlineData("dynamic([1, 2, 3])[-1]", "3")]
    [InlineData("dynamic({\"errorCode\": 50126}).errorCode == 50126", "true")]
    [InlineData("dynamic({\"a\": 1}).missing", "null")]
    [InlineData("array_length(dynamic([1, 2]))", "2")]
    [InlineData("array_length(dynamic({}))", "null")]
    [InlineData("tostring(dynamic({\"a\": \"x\"}).a)", "x")]
    [InlineData("iff(dynamic({\"on\": true}).on, 'yes', 'no')", "yes")]
    [InlineData("dynamic(true) and true", "true")]
    [InlineData("not(dynamic(false))", "true")]
    public void Dynamic_access(string expression, string expected) => Assert.Equal(expected, Print(expression));

    [Fact]
    public void A_string_column_compared_with_a_number_compares_with_its_text()
    {
        // Sentinel rules write ResultType == 50126 although ResultType is a string (kept from the query slice).
        var t = Data.Table("T", "(V: string)", [["50126"], ["0"], ["500126"], ["50053"]]);
        Assert.Equal("V:string\n50126", Data.Text("T | where V == 50126", t));
        Assert.Equal("V:string\n50126\n50053", Data.Text("T | where V in (50126, 50053)", t));
        Assert.Equal("V:string\n0\n500126", Data.Text("T | where V !in (50126, 50053)", t));
    }

    [Fact]
    public void Typed_columns_compare_by_value()
    {
        var t = Data.Table("T", "(Name: string, Port: int, Score: real, App: guid, At: datetime)",
        [
            ["a", 22, 0.5, "0231f922-93fa-4005-bb11-b344eca03c01", "2026-11-02T08:30:00Z"],
            ["b", 3389, 2.0, "00000000-0000-0000-0000-000000000000", "2026-11-02T09:30:00Z"],
            ["nulls", null, null, null, null],
        ]);
        string Names(string p) => string.Join(",", Data.Text($"T | where {p} | project Name", t).Split('\n').Skip(1));
        Assert.Equal("a", Names("Port == 22.0"));
        Assert.Equal("b", Names("Score == 2"));
        Assert.Equal("", Names("Port == 1.5"));
        Assert.Equal("a", Names("App == '0231F922-93FA-4005-BB11-B344ECA03C01'"));
        Assert.Equal("b", Names("At in (datetime(2026-11-02 09:30), datetime(2020-01-01))"));
        Assert.Equal("b,nulls", Names("Port != 22"));
    }
}
