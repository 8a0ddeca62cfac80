using Detection.Kql.Syntax;
using Detection.Kql.Tests.Support;
using Xunit.Abstractions;

namespace Detection.Kql.Tests.Syntax;

public class RoundTripTests(ITestOutputHelper output)
{
    public static TheoryData<string> Samples() => new(SampleQueries.Valid);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Every_sample_query_parses_without_syntax_errors_and_prints_back_exactly(string query)
    {
        var code = KqlCode.Parse(query);

        Assert.Equal(query, code.Syntax.ToFullString());
        Assert.DoesNotContain(code.Diagnostics, d => d.IsError);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   // only a comment\n")]
    [InlineData("SigninLogs | where")]
    [InlineData("SigninLogs | where x == (1")]
    [InlineData("print \"unterminated")]
    [InlineData("}}} ))) | | ;;")]
    [InlineData("let f = (a: string { a };")]
    [InlineData("print ```never closed")]
    [InlineData("SigninLogs\r\n| take 1\r\n")]
    public void Broken_queries_still_print_back_exactly(string query)
    {
        Assert.Equal(query, KqlCode.Parse(query).Syntax.ToFullString());
    }

    [Fact]
    public void Token_spans_cover_the_text_in_order_without_gaps()
    {
        var query = "let x = 1; // c\nSigninLogs | where DurationMs > x";
        var tokens = KqlCode.Parse(query).Syntax.DescendantTokens().ToList();

        var position = 0;
        foreach (var token in tokens)
        {
            Assert.Equal(position, token.FullStart);
            position = token.FullSpan.End;
        }
        Assert.Equal(query.Length, position);
    }

    [Fact]
    public void Every_corpus_query_round_trips_when_the_shared_corpus_is_present()
    {
        var corpus = SharedFolder.Find("corpus/rules");
        if (corpus is null)
        {
            output.WriteLine("../shared/corpus is absent: nothing to check here (the synthetic samples above cover the grammar).");
            return;
        }
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(corpus, "*.yaml", SearchOption.AllDirectories))
        {
            var query = SimpleYaml.Query(File.ReadAllText(file));
            if (query is null) continue;
            Assert.Equal(query, KqlCode.Parse(query).Syntax.ToFullString());
            count++;
        }
        output.WriteLine($"{count} corpus queries round-tripped");
        Assert.True(count > 0);
    }
}
