using Detection.Kql.Diagnostics;

namespace Detection.Kql.Tests.Diagnostics;

public class DiagnosticFactoryTests
{
    [Fact]
    public void Every_code_is_unique_and_follows_the_KQL_numbering()
    {
        var codes = DiagnosticFactory.All.Select(d => d.Code).ToList();

        Assert.Equal(codes.Count, codes.Distinct().Count());
        Assert.All(codes, c => Assert.Matches("^KQL[0-2][0-9]{2}$", c));
    }

    [Fact]
    public void Errors_are_0xx_and_1xx_and_the_2xx_codes_never_fail_a_query()
    {
        Assert.All(DiagnosticFactory.All.Where(d => d.Code.StartsWith("KQL2", StringComparison.Ordinal)),
            d => Assert.NotEqual(DiagnosticSeverity.Error, d.Severity));
    }

    [Fact]
    public void Every_diagnostic_made_by_a_query_carries_a_declared_code_and_a_message_naming_what_was_found()
    {
        var code = KqlCode.ParseAndBind("SigninLogs | where NoSuchColumn > 1 | extend x = tolower()",
            Detection.Kql.Schemas.SchemaSet.Default);

        Assert.NotEmpty(code.Diagnostics);
        Assert.All(code.Diagnostics, d =>
        {
            Assert.Contains(DiagnosticFactory.All, descriptor => descriptor.Code == d.Code);
            Assert.False(string.IsNullOrWhiteSpace(d.Message));
            Assert.True(d.Line >= 1 && d.Column >= 1);
        });
    }
}
