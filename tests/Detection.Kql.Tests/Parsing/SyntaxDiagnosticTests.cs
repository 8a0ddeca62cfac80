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
    public void Valid_queries_have_no_syntax_diagnostics(string query, int expected)
    {
        Assert.Equal(expected, KqlCode.Parse(query).Diagnostics.Count);
    }
}
