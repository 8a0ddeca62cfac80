using Detection.Query.Diagnostics;
using Detection.Query.Syntax;

namespace Detection.Query.Tests.Syntax;

public class QueryParserTests
{
    [Fact]
    public void A_pipeline_of_every_operator_parses_in_order()
    {
        var query = QueryParser.Parse("SigninLogs | where ResultType in (50126, '50053') | project UserPrincipalName, IPAddress | take 10 | count");

        Assert.Equal("SigninLogs", query.Table.Name);
        Assert.Collection(query.Operators,
            o => Assert.Equal([50126L, "50053"], ((WhereSyntax)o).Values.Select(v => v.Value)),
            o => Assert.Equal(["UserPrincipalName", "IPAddress"], ((ProjectSyntax)o).Columns.Select(c => c.Name)),
            o => Assert.Equal(10, ((TakeSyntax)o).Count),
            o => Assert.IsType<CountSyntax>(o));
    }

    [Theory]
    [InlineData("==", ComparisonOperator.Equal)]
    [InlineData("!=", ComparisonOperator.NotEqual)]
    [InlineData("=~", ComparisonOperator.EqualIgnoreCase)]
    [InlineData("!~", ComparisonOperator.NotEqualIgnoreCase)]
    [InlineData("has", ComparisonOperator.Has)]
    [InlineData("!has", ComparisonOperator.NotHas)]
    [InlineData("contains", ComparisonOperator.Contains)]
    [InlineData("!contains", ComparisonOperator.NotContains)]
    [InlineData("startswith", ComparisonOperator.StartsWith)]
    [InlineData("!startswith", ComparisonOperator.NotStartsWith)]
    public void Every_comparison_operator_is_recognised(string spelling, ComparisonOperator expected)
    {
        var where = (WhereSyntax)QueryParser.Parse($"T | where A {spelling} 'x'").Operators[0];
        Assert.Equal(expected, where.Operator);
        Assert.Equal(12, where.OperatorOffset);
    }

    [Theory]
    [InlineData(@"'a\'b'", "a'b")]
    [InlineData(@"""tab\there""", "tab\there")]
    [InlineData(@"'\u00e9'", "é")]
    [InlineData(@"@'C:\temp'", @"C:\temp")]
    [InlineData(@"@""say """"hi""""""", @"say ""hi""")]
    public void String_literals_decode_escapes(string literal, string expected)
    {
        var where = (WhereSyntax)QueryParser.Parse($"T | where A == {literal}").Operators[0];
        Assert.Equal(expected, where.Values[0].Value);
    }

    [Theory]
    [InlineData("42", LiteralKind.Long, 42L)]
    [InlineData("-7", LiteralKind.Long, -7L)]
    [InlineData("2.5", LiteralKind.Real, 2.5)]
    [InlineData("1e3", LiteralKind.Real, 1000.0)]
    [InlineData("true", LiteralKind.Bool, true)]
    [InlineData("false", LiteralKind.Bool, false)]
    public void Number_and_bool_literals_have_their_kind(string literal, LiteralKind kind, object value)
    {
        var parsed = ((WhereSyntax)QueryParser.Parse($"T | where A == {literal}").Operators[0]).Values[0];
        Assert.Equal(kind, parsed.Kind);
        Assert.Equal(value, parsed.Value);
    }

    [Theory]
    [InlineData("datetime(2026-11-02)", "2026-11-02T00:00:00")]
    [InlineData("datetime(2026-11-02T08:30:00Z)", "2026-11-02T08:30:00")]
    [InlineData("datetime(2026-11-02 08:30:15.5)", "2026-11-02T08:30:15.5")]
    [InlineData("datetime('2026-11-02T10:30:00+02:00')", "2026-11-02T08:30:00")]
    public void Datetime_literals_are_utc(string literal, string expected)
    {
        var value = (DateTime)((WhereSyntax)QueryParser.Parse($"T | where A == {literal}").Operators[0]).Values[0].Value;
        Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), value);
        Assert.Equal(DateTimeKind.Utc, value.Kind);
    }

    [Fact]
    public void Operators_may_repeat_and_come_in_any_order_with_comments_and_line_breaks()
    {
        var query = QueryParser.Parse("T // all\n| take 5\n| where A == 1\n| limit 3\n| where B has 'x'\n| project A");
        Assert.Equal(5, query.Operators.Length);
    }

    [Theory]
    [InlineData("SigninLogs | project", "QRY003", 1, 21, "expected a column name after 'project', found the end of the query")]
    [InlineData("SigninLogs | project a,", "QRY003", 1, 24, "expected a column name after ','")]
    [InlineData("SigninLogs | where", "QRY003", 1, 19, "expected a column name after 'where'")]
    [InlineData("SigninLogs | where A", "QRY003", 1, 21, "expected a comparison operator")]
    [InlineData("SigninLogs | where A = 'x'", "QRY001", 1, 22, "unexpected character '='")]
    [InlineData("SigninLogs | where A == ", "QRY003", 1, 25, "expected a literal")]
    [InlineData("SigninLogs | where A == B", "QRY003", 1, 25, "found 'B'")]
    [InlineData("SigninLogs | where A in 'x'", "QRY003", 1, 25, "expected '(' after 'in'")]
    [InlineData("SigninLogs | where A in ('x' 'y')", "QRY003", 1, 30, "expected ',' or ')' in the 'in' list")]
    [InlineData("SigninLogs | take", "QRY003", 1, 18, "expected a number of rows after 'take'")]
    [InlineData("SigninLogs | take 1.5", "QRY004", 1, 19, "whole number")]
    [InlineData("SigninLogs | summarize count()", "QRY003", 1, 14, "expected an operator (where, project, take, limit or count) after '|', found 'summarize'")]
    [InlineData("SigninLogs | ", "QRY003", 1, 14, "expected an operator")]
    [InlineData("SigninLogs count", "QRY003", 1, 12, "expected '|' or the end of the query after 'SigninLogs', found 'count'")]
    [InlineData("| count", "QRY003", 1, 1, "expected a table name at the start of the query")]
    [InlineData("T\n| where A == 'open", "QRY002", 2, 14, "unterminated string")]
    [InlineData("T\n| where A == 'x'\n  | where B == datetime(yesterday)", "QRY004", 3, 16, "'yesterday' is not a date and time")]
    [InlineData("T | where A == 'a\\qb'", "QRY004", 1, 18, "unknown escape sequence")]
    [InlineData("T | where A == 5m", "QRY004", 1, 16, "'5m' is not a number")]
    public void Errors_say_what_was_expected_and_where(string query, string code, int line, int column, string message)
    {
        var error = Assert.Throws<QueryException>(() => QueryParser.Parse(query)).Diagnostic;

        Assert.Equal(code, error.Code);
        Assert.Equal(new SourcePosition(line, column), error.Position);
        Assert.Contains(message, error.Message);
        Assert.EndsWith($" at {line}:{column}", error.ToString());
    }
}
