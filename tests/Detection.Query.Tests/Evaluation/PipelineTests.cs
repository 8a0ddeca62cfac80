using Detection.Tables;
using Detection.Query.Tests.Support;
using Detection.Tables.Columns;

namespace Detection.Query.Tests.Evaluation;

public class PipelineTests
{
    /// <summary>100 sign-ins in chunks of 7 rows, so every operator crosses chunk boundaries.</summary>
    private static readonly Table SignIns = TestTables.Create("SigninLogs", "(User: string, ResultType: string, Seq: long)",
        Enumerable.Range(0, 100).Select(i => new object?[] { $"user{i % 10}", i % 3 == 0 ? "50126" : "0", (long)i }),
        chunkRows: 7);

    [Fact]
    public void A_table_alone_returns_every_row_without_copying() =>
        Assert.Same(SignIns.Chunks[0], TestTables.Run("SigninLogs", SignIns).Chunks[0]);

    [Fact]
    public void Count_counts_every_row_across_chunks() =>
        Assert.Equal([[100L]], TestTables.Rows(TestTables.Run("SigninLogs | count", SignIns)));

    [Fact]
    public void Count_has_one_long_column_named_Count()
    {
        var result = TestTables.Run("SigninLogs | count", SignIns);
        Assert.Equal("Count: long", Assert.Single(result.Schema.Columns).ToString());
    }

    [Fact]
    public void Where_keeps_the_matching_rows_of_every_chunk_in_order()
    {
        var result = TestTables.Run("SigninLogs | where ResultType == 50126 | project Seq", SignIns);
        Assert.Equal(Enumerable.Range(0, 100).Where(i => i % 3 == 0).Select(i => (object?)(long)i), TestTables.Column(result, "Seq"));
    }

    [Fact]
    public void Several_wheres_combine()
    {
        var result = TestTables.Run("SigninLogs | where ResultType == '50126' | where User == 'user3' | project Seq", SignIns);
        Assert.Equal([3L, 33L, 63L, 93L], TestTables.Column(result, "Seq"));
    }

    [Fact]
    public void Take_stops_inside_a_chunk_after_a_where()
    {
        var result = TestTables.Run("SigninLogs | where ResultType == 50126 | take 5 | project Seq", SignIns);
        Assert.Equal([0L, 3L, 6L, 9L, 12L], TestTables.Column(result, "Seq"));
    }

    [Fact]
    public void Take_more_than_there_is_returns_everything_and_take_0_nothing()
    {
        Assert.Equal(100, TestTables.Run("SigninLogs | take 1000", SignIns).RowCount);
        Assert.Equal(0, TestTables.Run("SigninLogs | take 0", SignIns).RowCount);
    }

    [Fact]
    public void Take_then_where_filters_only_the_taken_rows() =>
        Assert.Equal([[4L]], TestTables.Rows(TestTables.Run("SigninLogs | take 10 | where ResultType == 50126 | count", SignIns)));

    [Fact]
    public void Project_chooses_and_orders_columns()
    {
        var result = TestTables.Run("SigninLogs | project Seq, User | take 2", SignIns);
        Assert.Equal(["Seq: long", "User: string"], result.Schema.Columns.Select(c => c.ToString()));
        Assert.Equal([[0L, "user0"], [1L, "user1"]], TestTables.Rows(result));
    }

    [Fact]
    public void Operators_after_count_work_on_the_count_row() =>
        Assert.Equal([[1L]], TestTables.Rows(TestTables.Run("SigninLogs | count | where Count == 100 | count", SignIns)));

    [Fact]
    public void The_result_of_a_selection_has_its_own_dictionary_holding_only_what_it_kept()
    {
        var result = TestTables.Run("SigninLogs | where User == 'user7'", SignIns);
        Assert.All(result.Chunks, chunk => Assert.Equal(2, ((StringColumn)chunk[0]).Dictionary.Count));
        Assert.Equal(10, result.RowCount);
    }

    [Fact]
    public void Every_type_survives_being_copied_into_the_result()
    {
        var at = new DateTime(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc);
        var id = Guid.NewGuid();
        object?[] full = ["keep", true, 1, 2L, 3.5, 4.5m, at, TimeSpan.FromSeconds(90), id, """{"a":[1,2]}"""];
        object?[] empty = ["keep", null, null, null, null, null, null, null, null, null];
        var table = TestTables.Create("T", "(S: string, B: bool, I: int, L: long, R: real, D: decimal, T: datetime, S2: timespan, G: guid, Dyn: dynamic)",
            [full, ["drop", .. full[1..]], empty]);

        var result = TestTables.Run("T | where S == 'keep'", table);

        Assert.Equal([full, empty], TestTables.Rows(result));
    }

    [Fact]
    public void A_known_table_without_data_is_empty_not_an_error()
    {
        var catalog = new Detection.Query.Binding.QueryCatalog(Detection.Kql.Schemas.SchemaSet.Default, new Dictionary<string, Table>());
        Assert.Equal([[0L]], TestTables.Rows(QueryEngine.Run("AuditLogs | where OperationName has 'role' | count", catalog)));
    }
}
