using Detection.Evaluation.Values;

namespace Detection.Evaluation.Tests.Semantics;

/// <summary>Ported from the query slice. Examples from the Kusto string operator documentation (learn.microsoft.com/kusto/query/datatypes-string-operators) and edge cases.</summary>
public class HasTermTests
{
    [Theory]
    [InlineData("North America", "america", true)]
    [InlineData("KustoExplorerQueryRun", "Explorer", false)]
    [InlineData("Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun", "c1db", true)]
    [InlineData("Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun", "KustoExplorerQueryRun", true)]
    [InlineData("Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun", "kusto", true)]
    [InlineData("Kusto: ad67d136-c1db-4f9f-88ef-d94f3b6b0b5a;KustoExplorerQueryRun", "1db", false)]
    [InlineData("abc", "ABC", true)]
    [InlineData("abcd", "abc", false)]
    [InlineData("xabc", "abc", false)]
    [InlineData("abc abcx abc", "abc", true)]
    [InlineData("xabc abcx", "abc", false)]
    [InlineData("user_name", "user", true)]
    [InlineData("Add member to role", "member to", true)]
    [InlineData("Add members to role", "member to", false)]
    [InlineData("alice@contoso.com", "contoso.com", true)]
    [InlineData("alice@contoso.community", "contoso.com", false)]
    [InlineData("alice@subcontoso.com", "contoso.com", false)]
    [InlineData("alice@contoso.com", "@contoso.com", true)]
    [InlineData("alice@xcontoso.com", "@contoso.com", false)]
    [InlineData("C:\\Windows\\System32\\cmd.exe", "cmd.exe", true)]
    [InlineData("C:\\Windows\\System32\\xcmd.exe", "cmd.exe", false)]
    [InlineData("a-b", "-", true)]
    [InlineData("", "abc", false)]
    [InlineData("ab", "abc", false)]
    [InlineData("Zürich office", "office", true)]
    public void Has_matches_whole_terms_ignoring_case(string value, string term, bool expected) =>
        Assert.Equal(expected, StringOps.Has(value, term));
}
