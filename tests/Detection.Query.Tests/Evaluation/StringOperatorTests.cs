using Detection.Query.Tests.Support;

namespace Detection.Query.Tests.Evaluation;

public class StringOperatorTests
{
    private static readonly string[] Users = ["alice@contoso.com", "Bob@Contoso.com", "carol@fabrikam.com", "", "ALICE@CONTOSO.COM"];

    private static List<object?> Where(string predicate, params string[] values)
    {
        var table = TestTables.Create("T", "(V: string)", values.Select(v => new object?[] { v }));
        return TestTables.Column(TestTables.Run($"T | where {predicate}", table), "V");
    }

    [Fact]
    public void Equal_is_case_sensitive() =>
        Assert.Equal(["alice@contoso.com"], Where("V == 'alice@contoso.com'", Users));

    [Fact]
    public void Not_equal_is_the_complement_and_includes_the_empty_string() =>
        Assert.Equal(["Bob@Contoso.com", "carol@fabrikam.com", "", "ALICE@CONTOSO.COM"], Where("V != 'alice@contoso.com'", Users));

    [Fact]
    public void Tilde_equal_ignores_case() =>
        Assert.Equal(["alice@contoso.com", "ALICE@CONTOSO.COM"], Where("V =~ 'Alice@Contoso.com'", Users));

    [Fact]
    public void Not_tilde_equal_ignores_case() =>
        Assert.Equal(["Bob@Contoso.com", "carol@fabrikam.com", ""], Where("V !~ 'alice@contoso.COM'", Users));

    [Fact]
    public void Contains_ignores_case() =>
        Assert.Equal(["alice@contoso.com", "Bob@Contoso.com", "ALICE@CONTOSO.COM"], Where("V contains 'CONTOSO'", Users));

    [Fact]
    public void Not_contains_is_the_complement() =>
        Assert.Equal(["carol@fabrikam.com", ""], Where("V !contains 'contoso'", Users));

    [Fact]
    public void Startswith_ignores_case() =>
        Assert.Equal(["alice@contoso.com", "ALICE@CONTOSO.COM"], Where("V startswith 'aLiCe'", Users));

    [Fact]
    public void Not_startswith_is_the_complement() =>
        Assert.Equal(["Bob@Contoso.com", "carol@fabrikam.com", ""], Where("V !startswith 'alice'", Users));

    [Fact]
    public void In_is_case_sensitive_and_takes_several_values() =>
        Assert.Equal(["Bob@Contoso.com", "carol@fabrikam.com"], Where("V in ('Bob@Contoso.com', 'carol@fabrikam.com', 'alice@CONTOSO.com')", Users));

    [Fact]
    public void Not_in_is_the_complement() =>
        Assert.Equal(["alice@contoso.com", "", "ALICE@CONTOSO.COM"], Where("V !in ('Bob@Contoso.com', 'carol@fabrikam.com')", Users));

    [Fact]
    public void Has_matches_a_whole_term_ignoring_case() =>
        Assert.Equal(["alice@contoso.com", "Bob@Contoso.com", "ALICE@CONTOSO.COM"], Where("V has 'Contoso'", Users));

    [Fact]
    public void Has_does_not_match_part_of_a_term() =>
        Assert.Empty(Where("V has 'conto'", Users));

    [Fact]
    public void Not_has_is_the_complement() =>
        Assert.Equal(["carol@fabrikam.com", ""], Where("V !has 'contoso'", Users));

    [Fact]
    public void A_number_compared_with_a_string_column_compares_with_its_text()
    {
        // Sentinel rules write ResultType == 50126 although ResultType is a string.
        Assert.Equal(["50126"], Where("V == 50126", "50126", "0", "500126", "50053"));
        Assert.Equal(["50126", "50053"], Where("V in (50126, 50053)", "50126", "0", "500126", "50053"));
        Assert.Equal(["0", "500126"], Where("V !in (50126, 50053)", "50126", "0", "500126", "50053"));
        Assert.Equal(["1.5"], Where("V == 1.5", "1.5", "1.50"));
    }

    [Fact]
    public void The_empty_string_is_a_value_not_a_null() =>
        Assert.Equal([""], Where("V == ''", Users));
}
