using Detection.Evaluation.Tests.Support;
using Detection.Tables;

namespace Detection.Evaluation.Tests.Operators;

/// <summary>Ported from the query slice's pipeline tests: every operator over chunks of 7 rows.</summary>
public class ChunkBoundaryTests
{
    private static readonly Table SignIns = Data.Table("SigninLogs", "(User: string, ResultType: string, Seq: long)",
        Enumerable.Range(0, 100).Select(i => new object?[] { $"user{i % 10}", i % 3 == 0 ? "50126" : "0", (long)i }),
        chunkRows: 7);

    private static List<string> Column(string query) => Data.Text(query, SignIns).Split('\n').Skip(1).ToList();

    [Fact]
    public void A_table_alone_returns_every_row_without_copying() =>
        Assert.Same(SignIns.Chunks[0], Data.Run("SigninLogs", SignIns).Chunks[0]);

    [Fact]
    public void A_where_that_keeps_a_whole_chunk_shares_it() =>
        Assert.Same(SignIns.Chunks[1], Data.Run("SigninLogs | where Seq >= 0", SignIns).Chunks[1]);

    [Fact]
    public void Where_keeps_the_matching_rows_of_every_chunk_in_order() =>
        Assert.Equal(Enumerable.Range(0, 100).Where(i => i % 3 == 0).Select(i => i.ToString()), Column("SigninLogs | where ResultType == 50126 | project Seq"));

    [Fact]
    public void Several_wheres_combine() =>
        Assert.Equal(["3", "33", "63", "93"], Column("SigninLogs | where ResultType == '50126' | where User == 'user3' | project Seq"));

    [Fact]
    public void Take_stops_inside_a_chunk_after_a_where() =>
        Assert.Equal(["0", "3", "6", "9", "12"], Column("SigninLogs | where ResultType == 50126 | take 5 | project Seq"));

    [Fact]
    public void Take_more_than_there_is_returns_everything_and_take_0_nothing()
    {
        Assert.Equal(100, Data.Run("SigninLogs | take 1000", SignIns).RowCount);
        Assert.Equal(0, Data.Run("SigninLogs | take 0", SignIns).RowCount);
    }

    [Fact]
    public void Take_then_where_filters_only_the_taken_rows() =>
        Assert.Equal(["4"], Column("SigninLogs | take 10 | where ResultType == 50126 | count"));

    [Fact]
    public void Operators_after_count_work_on_the_count_row() =>
        Assert.Equal(["1"], Column("SigninLogs | count | where Count == 100 | count"));

    [Fact]
    public void Summarize_groups_across_chunks() => Assert.Equal(
        Enumerable.Range(0, 10).Select(i => $"user{i} | 10 | {(i % 3 == 0 ? 4 : 3)}"),
        Column("SigninLogs | summarize n = count(), failures = countif(ResultType == '50126') by User"));

    [Fact]
    public void Sort_and_join_cross_chunks() =>
        Assert.Equal(["99 | user9", "98 | user8"], Column("SigninLogs | top 2 by Seq | join kind=inner (SigninLogs | distinct User) on User | project Seq, User"));

    [Fact]
    public void Every_type_survives_a_selection()
    {
        var at = new DateTime(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc);
        var id = Guid.Parse("0231f922-93fa-4005-bb11-b344eca03c01");
        object?[] full = ["keep", true, 1, 2L, 3.5, 4.5m, at, TimeSpan.FromSeconds(90), id, """{"a":[1,2]}"""];
        object?[] empty = ["keep", null, null, null, null, null, null, null, null, null];
        var table = Data.Table("T", "(S: string, B: bool, I: int, L: long, R: real, D: decimal, T: datetime, S2: timespan, G: guid, Dyn: dynamic)",
            [full, ["drop", .. full[1..]], empty]);
        Data.Check("""
            S:string | B:bool | I:int | L:long | R:real | D:decimal | T:datetime | S2:timespan | G:guid | Dyn:dynamic
            keep | true | 1 | 2 | 3.5 | 4.5 | 2026-11-02T08:30:00Z | 00:01:30 | 0231f922-93fa-4005-bb11-b344eca03c01 | {"a":[1,2]}
            keep | null | null | null | null | null | null | null | null | null
            """, "T | where S == 'keep'", table);
    }

    [Fact]
    public void A_known_table_without_data_is_empty_not_an_error()
    {
        var context = new EvaluationContext(Data.Now, new Dictionary<string, Table>(), Detection.Kql.Schemas.SchemaSet.Default);
        var result = KqlEvaluator.Evaluate("AuditLogs | where OperationName has 'role' | count", context);
        Assert.Equal("Count:long\n0", Data.Render(result));
    }
}
