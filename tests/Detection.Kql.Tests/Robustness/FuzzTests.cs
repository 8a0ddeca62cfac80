using System.Diagnostics;
using Detection.Kql.Schemas;
using Detection.Kql.Tests.Support;

namespace Detection.Kql.Tests.Robustness;

/// <summary>No input crashes, hangs or overflows the stack: every call returns diagnostics within a time bound.</summary>
public class FuzzTests
{
    // A hang guard, not a speed test: a quadratic path on the 1 MB input would take hours; a loaded CI machine takes seconds.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    private static KqlCode Check(string query)
    {
        var watch = Stopwatch.StartNew();
        var code = KqlCode.ParseAndBind(query, SchemaSet.Default);
        Assert.True(watch.Elapsed < Bound, $"took {watch.Elapsed} on input of length {query.Length}");
        Assert.Equal(query, code.Syntax.ToFullString());
        return code;
    }

    [Fact]
    public void Truncations_of_every_sample_query_are_handled()
    {
        foreach (var query in SampleQueries.Valid)
            for (var length = 0; length < query.Length; length += 3)
                Check(query[..length]);
    }

    [Fact]
    public void Random_mutations_of_sample_queries_are_handled()
    {
        var random = new Random(12345);
        const string alphabet = "|()[]{},;:.=!<>~+-*/%\"'@ \n\tabcXYZ019$_`#";
        for (var i = 0; i < 3000; i++)
        {
            var chars = SampleQueries.Valid[random.Next(SampleQueries.Valid.Length)].ToCharArray().ToList();
            for (var edits = random.Next(1, 6); edits > 0 && chars.Count > 0; edits--)
            {
                var at = random.Next(chars.Count);
                switch (random.Next(3))
                {
                    case 0: chars.RemoveAt(at); break;
                    case 1: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            Check(new string(chars.ToArray()));
        }
    }

    [Fact]
    public void Random_binary_input_is_handled()
    {
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var chars = new char[random.Next(1, 400)];
            for (var k = 0; k < chars.Length; k++) chars[k] = (char)random.Next(0, 0xD7FF);
            Check(new string(chars));
        }
    }

    [Fact]
    public void Ten_thousand_nested_parentheses_report_nesting_instead_of_overflowing()
    {
        var query = "print " + new string('(', 10_000) + "1" + new string(')', 10_000);

        var code = Check(query);

        Assert.Contains(code.Diagnostics, d => d.Code == "KQL008");
    }

    [Theory]
    [InlineData("print x = {0}", "1 + ", "1")]
    [InlineData("SigninLogs {0}", "| where DurationMs > 1 ", "")]
    [InlineData("print x = dynamic({0})", "[", "")]
    [InlineData("print x = a{0}", ".b", "")]
    public void Long_chains_are_handled(string template, string repeated, string tail)
    {
        var query = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, string.Concat(Enumerable.Repeat(repeated, 20_000)) + tail);

        Check(query);
    }

    [Fact]
    public void A_one_megabyte_query_is_handled()
    {
        var line = "| where UserPrincipalName has \"admin\" and DurationMs > 5 // filter\n";
        var query = "SigninLogs\n" + string.Concat(Enumerable.Repeat(line, 1_048_576 / line.Length));

        var code = Check(query);

        Assert.DoesNotContain(code.Diagnostics, d => d.IsError);
    }
}
