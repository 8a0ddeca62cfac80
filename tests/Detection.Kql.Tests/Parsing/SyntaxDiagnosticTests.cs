namespace Detection.Kql.Tests.Parsing;

/// <summary>Syntax errors: query → code and span (start, length). Spans agree with the official Kusto.Language.</summary>
public class SyntaxDiagnosticTests
{
    [Theory]
    [InlineData("SigninLogs | where", "KQL005", 18, 0)]
    [InlineData("SigninLogs | where x ==", "KQL005", 23, 0)]
    [InlineData("SigninLogs | extend x = (1", "KQL004", 26, 0)]
    [InlineData("print x = \"abc", "KQL002", 14, 0)]
    [InlineData("SigninLogs | foo", "KQL006", 13, 3)]
    [InlineData("print x = 1 | project x y", "KQL004", 24, 1)]
    [InlineData("print 1;\n};\nprint 2", "KQL007", 9, 1)]
    [InlineData("print a = 1 # 2", "KQL001", 12, 1)]
    [InlineData("SigninLogs | join kind=inner (AuditLogs) on", "KQL005", 43, 0)]
    [InlineData("print a = dynamic([1,])", "KQL005", 21, 0)]
    [InlineData("print a = strcat(\"a\", )", "KQL005", 21, 0)]
    [InlineData("print a = (1, 2)", "KQL004", 12, 1)]
    [InlineData("SigninLogs\n| where ago(1d,\n| take 1", "KQL004", 26, 0)]
    [InlineData("SigninLogs\n where true", "KQL004", 10, 0)]
    [InlineData("SigninLogs | wherex DurationMs > 1", "KQL006", 13, 6)]
    [InlineData("SigninLogs | wherex DurationMs > 1", "KQL004", 20, 10)]
    [InlineData("SigninLogs | ) x", "KQL006", 12, 0)]
    [InlineData("SigninLogs | extend c = tostring(Status.and)", "KQL005", 40, 0)]
    [InlineData("SigninLogs | where ResultType !in ()", "KQL005", 35, 0)]
    [InlineData("SigninLogs | project *, UserId", "KQL007", 21, 1)]
    [InlineData("print a=1 | join (print b=1)", "KQL005", 12, 16)]
    [InlineData("print s=\"a\" | parse s with a:string b:long", "KQL010", 36, 6)]
    [InlineData("print a=1 | extend", "KQL005", 18, 0)]
    [InlineData("SigninLogs | ) x", "KQL007", 13, 1)]
    public void A_syntax_error_is_reported_with_its_code_and_span(string query, string code, int start, int length)
    {
        var diagnostics = KqlCode.Parse(query).Diagnostics;

        Assert.Contains(diagnostics, d => d.Code == code && d.Span.Start == start && d.Span.Length == length);
    }

    [Fact]
    public void Missing_commas_in_a_project_list_are_each_reported_and_parsing_goes_on()
    {
        var diagnostics = KqlCode.Parse("T | project A B C | take 1").Diagnostics;

        Assert.Equal(["KQL004", "KQL004"], diagnostics.Select(d => d.Code));
        Assert.Equal([14, 16], diagnostics.Select(d => d.Span.Start));
    }

    [Fact]
    public void Diagnostics_carry_one_based_line_and_column()
    {
        var diagnostic = Assert.Single(KqlCode.Parse("SigninLogs\n| where\n| take 1").Diagnostics);

        Assert.Equal("KQL005", diagnostic.Code);
        Assert.Equal(18, diagnostic.Span.Start);
        Assert.Equal((2, 8), (diagnostic.Line, diagnostic.Column));
    }

    [Theory]
    [InlineData("print x = 1", 0)]
    [InlineData("SigninLogs | where ResultType == \"0\"", 0)]
    [InlineData("print a=1 | project", 0)]
    [InlineData("print a=1 | project-away", 0)]
    public void Valid_queries_have_no_syntax_diagnostics(string query, int expected)
    {
        Assert.Equal(expected, KqlCode.Parse(query).Diagnostics.Count);
    }
}
