using Detection.Evaluation.Tests.Support;

namespace Detection.Evaluation.Tests.Operators;

public class JoinTests
{
    // join-innerunique.md / join-operator.md examples: X and Y.
    private static readonly Detection.Tables.Table X = Data.Table("X", "(Key: string, Value1: long)",
        [["a", 1L], ["b", 2L], ["b", 3L], ["c", 4L]]);

    private static readonly Detection.Tables.Table Y = Data.Table("Y", "(Key: string, Value2: long)",
        [["b", 10L], ["c", 20L], ["c", 30L], ["d", 40L]]);

    [Fact]
    public void Innerunique_is_the_default_and_dedups_the_left_on_the_key() => Data.Check("""
        Key:string | Value1:long | Key1:string | Value2:long
        b | 2 | b | 10
        c | 4 | c | 20
        c | 4 | c | 30
        """, "X | join Y on Key", X, Y);

    [Fact]
    public void Inner_keeps_every_pair() => Data.Check("""
        Key:string | Value1:long | Key1:string | Value2:long
        b | 2 | b | 10
        b | 3 | b | 10
        c | 4 | c | 20
        c | 4 | c | 30
        """, "X | join kind=inner Y on Key", X, Y);

    [Fact]
    public void Leftouter_keeps_unmatched_left_rows_with_nulls() => Data.Check("""
        Key:string | Value1:long | Key1:string | Value2:long
        a | 1 | "" | null
        b | 2 | b | 10
        b | 3 | b | 10
        c | 4 | c | 20
        c | 4 | c | 30
        """, "X | join kind=leftouter Y on Key", X, Y);

    [Fact]
    public void Rightouter_and_fullouter_add_unmatched_right_rows() {
        Assert.Equal(5, Data.Run("X | join kind=rightouter Y on Key", X, Y).RowCount);
        Assert.Equal(6, Data.Run("X | join kind=fullouter Y on Key", X, Y).RowCount);
    }

    [Theory]
    [InlineData("leftanti", "a")]
    [InlineData("leftsemi", "b,b,c")]
    [InlineData("rightanti", "d")]
    [InlineData("rightsemi", "b,c,c")]
    public void Semi_and_anti_joins_return_one_side(string kind, string keys) =>
        Assert.Equal(keys, string.Join(",", Data.Text($"X | join kind={kind} Y on Key | project Key", X, Y).Split('\n').Skip(1)));

    [Fact]
    public void Left_and_right_keys_can_differ_in_name() => Data.Check("""
        K:string | Value1:long | Key:string | Value2:long
        c | 4 | c | 20
        c | 4 | c | 30
        """, "X | project K = Key, Value1 | join kind=inner (Y) on $left.K == $right.Key | where Value1 == 4", X, Y);

    [Fact]
    public void Lookup_drops_the_right_key() => Data.Check("""
        Key:string | Value1:long | Value2:long
        a | 1 | null
        b | 2 | 10
        """, "X | lookup (Y | summarize Value2 = min(Value2) by Key) on Key | take 2", X, Y);
}
