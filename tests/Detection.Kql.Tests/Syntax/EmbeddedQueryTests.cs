using Detection.Kql.Diagnostics;

namespace Detection.Kql.Tests.Syntax;

public class EmbeddedQueryTests
{
    [Fact]
    public void Query_positions_are_translated_to_the_rule_file_lines_and_columns()
    {
        // query: |        <- file line 7
        //   SigninLogs    <- file line 8, indented by 2
        //   | where
        var diagnostic = Assert.Single(KqlCode.Parse("SigninLogs\n| where\n").Diagnostics);

        var inFile = new EmbeddedQuery(FirstLine: 8, Indentation: 2).ToFile(diagnostic);

        Assert.Equal((9, 10), (inFile.Line, inFile.Column));
        Assert.Equal("rule.yaml:9:10: error KQL005: " + diagnostic.Message, EmbeddedQuery.Format("rule.yaml", inFile));
    }
}
