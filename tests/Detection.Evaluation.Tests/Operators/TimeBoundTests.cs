using Detection.Evaluation.Tests.Support;
using Detection.Tables;

namespace Detection.Evaluation.Tests.Operators;

/// <summary>
/// A time column ordered against a constant (<c>TimeGenerated &gt;= ago(1h)</c>) over chunks wholly before, wholly after
/// and across the bound, and over a chunk with a null time: the same rows, and the same nulls under not(), as the
/// row-by-row comparison.
/// </summary>
public class TimeBoundTests
{
    // Chunks of 3: hours -9..-7, -6..-4, -3..-1 before Now, then a chunk holding a null time.
    private static readonly Table Events = Data.Table("Events", "(At: datetime, Seq: long)",
        Enumerable.Range(0, 9).Select(i => new object?[] { Data.Now.AddHours(i - 9), (long)i })
            .Append([null, 9L]).Append([Data.Now.AddHours(-8), 10L]).Append([Data.Now, 11L]), chunkRows: 3);

    private static List<string> Seqs(string query) => Data.Text(query, Events).Split('\n').Skip(1).ToList();

    [Theory]
    [InlineData("At >= ago(5h)", new[] { 4, 5, 6, 7, 8, 11 })]
    [InlineData("At > ago(5h)", new[] { 5, 6, 7, 8, 11 })]
    [InlineData("At < ago(5h)", new[] { 0, 1, 2, 3, 10 })]
    [InlineData("At <= ago(5h)", new[] { 0, 1, 2, 3, 4, 10 })]
    [InlineData("At >= ago(6h)", new[] { 3, 4, 5, 6, 7, 8, 11 })]
    [InlineData("At < ago(6h)", new[] { 0, 1, 2, 10 })]
    [InlineData("At < ago(7h)", new[] { 0, 1, 10 })]
    [InlineData("At <= ago(7h)", new[] { 0, 1, 2, 10 })]
    [InlineData("At >= ago(7h)", new[] { 2, 3, 4, 5, 6, 7, 8, 11 })]
    [InlineData("At > ago(3h)", new[] { 7, 8, 11 })]
    [InlineData("At >= ago(3h)", new[] { 6, 7, 8, 11 })]
    [InlineData("At < ago(1d)", new int[0])]
    [InlineData("At >= ago(1d)", new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11 })]
    [InlineData("At < datetime(2030-01-01)", new[] { 0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 11 })]
    public void Whole_chunks_before_after_and_across_the_bound_keep_the_rows_a_row_by_row_test_keeps(string predicate, int[] expected)
    {
        Assert.Equal(expected.Select(i => i.ToString()), Seqs($"Events | where {predicate} | project Seq"));
        // The same predicate on a computed copy of the column (compared row by row) agrees.
        Assert.Equal(expected.Select(i => i.ToString()), Seqs($"Events | extend At = At + 0s | where {predicate} | project Seq"));
    }

    [Fact]
    public void A_null_time_stays_null_under_not() => Assert.Equal(
        ["0", "1", "2", "3", "10"], Seqs("Events | where not(At >= ago(5h)) | project Seq"));

    [Fact]
    public void The_comparison_as_a_value_is_null_for_a_null_time() => Assert.Equal(
        ["8 | true", "9 | null", "10 | false"], Seqs("Events | where Seq between (8 .. 10) | project Seq, Recent = At >= ago(5h)"));
}
