using Detection.Tables;
using Detection.Query.Tests.Support;

namespace Detection.Query.Tests.Evaluation;

public class ValueOperatorTests
{
    private static readonly DateTime Morning = new(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc);
    private static readonly Guid AppId = Guid.Parse("0231f922-93fa-4005-bb11-b344eca03c01");

    private static readonly Table Values = TestTables.Create("T",
        "(Name: string, Port: int, Bytes: long, Score: real, Amount: decimal, Ok: bool, At: datetime, App: guid)",
        [
            ["a", 22, 100L, 0.5, 1.5m, true, Morning, AppId],
            ["b", 3389, 5_000_000_000L, 2.0, 2m, false, Morning.AddHours(1), Guid.Empty],
            ["nulls", null, null, null, null, null, null, null],
        ]);

    private static List<object?> Names(string predicate) => TestTables.Column(TestTables.Run($"T | where {predicate}", Values), "Name");

    [Theory]
    [InlineData("Port == 22", "a")]
    [InlineData("Port != 22", "b")]
    [InlineData("Port in (3389, 445)", "b")]
    [InlineData("Port !in (3389, 445)", "a")]
    [InlineData("Port == 22.0", "a")]
    [InlineData("Bytes == 5000000000", "b")]
    [InlineData("Bytes != 5000000000", "a")]
    [InlineData("Score == 2", "b")]
    [InlineData("Score == 0.5", "a")]
    [InlineData("Amount == 1.5", "a")]
    [InlineData("Amount == 2", "b")]
    [InlineData("Ok == true", "a")]
    [InlineData("Ok != true", "b")]
    [InlineData("At == datetime(2026-11-02T08:30:00Z)", "a")]
    [InlineData("At in (datetime(2026-11-02 09:30), datetime(2020-01-01))", "b")]
    [InlineData("App == '0231F922-93FA-4005-BB11-B344ECA03C01'", "a")]
    [InlineData("App != '0231f922-93fa-4005-bb11-b344eca03c01'", "b")]
    public void Equality_on_typed_columns(string predicate, string expected) =>
        Assert.Equal([expected], Names(predicate));

    [Theory]
    [InlineData("Port == 1.5")]
    [InlineData("Port == 5000000000")]
    [InlineData("Bytes == 100.5")]
    public void A_number_the_column_cannot_hold_equals_nothing(string predicate) =>
        Assert.Empty(Names(predicate));

    [Theory]
    [InlineData("Port != 1")]
    [InlineData("Port !in (1, 2)")]
    [InlineData("Ok != true")]
    [InlineData("At != datetime(2000-01-01)")]
    [InlineData("App != '00000000-0000-0000-0000-000000000001'")]
    public void Nulls_are_neither_equal_nor_unequal(string predicate) =>
        Assert.DoesNotContain("nulls", Names(predicate));

    [Fact]
    public void A_column_null_in_every_row_of_a_chunk_selects_nothing()
    {
        var table = TestTables.Create("T", "(Port: int)", [[null], [null]]);
        Assert.Equal(0, TestTables.Run("T | where Port != 1", table).RowCount);
    }
}
