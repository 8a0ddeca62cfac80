using Detection.Kql.Symbols;
using Detection.Tables.Building;
using Detection.Tables.Columns;

namespace Detection.Tables.Tests;

public class TableBuilderTests
{
    private static readonly TableSymbol Schema = TableSymbol.FromTerse("T",
        "(TimeGenerated: datetime, User: string, Count: long, Ok: bool, Details: dynamic, Score: real, Id: guid, Took: timespan, Port: int, Amount: decimal)");

    [Fact]
    public void Columns_not_set_in_a_row_read_as_typed_nulls_and_strings_as_empty()
    {
        var builder = new TableBuilder(Schema);
        builder.SetString(1, "alice");
        builder.CommitRow();

        var table = builder.Build();

        Assert.Equal(1, table.RowCount);
        Assert.Equal("alice", table.GetValue(0, 1));
        foreach (var ordinal in new[] { 0, 2, 3, 4, 5, 6, 7, 8, 9 })
        {
            Assert.Null(table.GetValue(0, ordinal));
            Assert.True(table.Chunks[0][ordinal].IsNull(0));
        }
    }

    [Fact]
    public void Every_type_round_trips()
    {
        var builder = new TableBuilder(Schema);
        var time = new DateTime(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc);
        var id = Guid.Parse("0231f922-93fa-4005-bb11-b344eca03c01");
        builder.SetDateTime(0, time);
        builder.SetString(1, "bob@contoso.com");
        builder.SetLong(2, 5_000_000_000);
        builder.SetBool(3, true);
        builder.SetDynamicJson(4, """{"city":"Zürich","n":[1,2]}"""u8);
        builder.SetReal(5, 0.25);
        builder.SetGuid(6, id);
        builder.SetTimeSpan(7, TimeSpan.FromMinutes(5));
        builder.SetInt(8, 3389);
        builder.SetDecimal(9, 12.5m);
        builder.CommitRow();

        var table = builder.Build();

        Assert.Equal(time, table.GetValue(0, 0));
        Assert.Equal(DateTimeKind.Utc, ((DateTime)table.GetValue(0, 0)!).Kind);
        Assert.Equal("bob@contoso.com", table.GetValue(0, 1));
        Assert.Equal(5_000_000_000L, table.GetValue(0, 2));
        Assert.Equal(true, table.GetValue(0, 3));
        Assert.Equal("Zürich", ((System.Text.Json.Nodes.JsonNode)table.GetValue(0, 4)!)["city"]!.GetValue<string>());
        Assert.Equal(0.25, table.GetValue(0, 5));
        Assert.Equal(id, table.GetValue(0, 6));
        Assert.Equal(TimeSpan.FromMinutes(5), table.GetValue(0, 7));
        Assert.Equal(3389, table.GetValue(0, 8));
        Assert.Equal(12.5m, table.GetValue(0, 9));
    }

    [Fact]
    public void A_value_set_twice_in_a_row_keeps_the_second_and_a_discard_undoes_both()
    {
        var builder = new TableBuilder(Schema, chunkRows: 2);
        builder.SetString(1, "first");
        builder.SetString(1, "second");
        builder.SetLong(2, 1);
        builder.SetLong(2, 2);
        builder.CommitRow();
        builder.SetString(1, "dropped");
        builder.SetString(1, "dropped again");
        builder.SetBool(3, true);
        builder.DiscardRow();
        builder.SetBool(3, false);
        builder.CommitRow();
        builder.SetString(1, "next chunk");
        builder.CommitRow();

        var table = builder.Build();

        Assert.Equal(3, table.RowCount);
        Assert.Equal(["second", "", "next chunk"], Enumerable.Range(0, 3).Select(r => table.GetValue(r, 1)));
        Assert.Equal([2L, null, null], Enumerable.Range(0, 3).Select(r => table.GetValue(r, 2)));
        Assert.Equal([null, false, null], Enumerable.Range(0, 3).Select(r => table.GetValue(r, 3)));
    }

    [Fact]
    public void Values_staged_for_a_row_never_committed_are_not_in_the_table_nor_in_the_next_row()
    {
        var builder = new TableBuilder(Schema);
        builder.SetString(1, "kept");
        builder.SetLong(2, 1);
        builder.CommitRow();
        builder.SetString(1, "staged only");
        builder.SetLong(2, 2);

        var first = builder.Build();
        builder.SetInt(8, 443);
        builder.CommitRow();
        var second = builder.Build();

        Assert.Equal(1, first.RowCount);
        Assert.Equal("kept", first.GetValue(0, 1));
        Assert.Equal(1, second.RowCount);
        Assert.Equal("", second.GetValue(0, 1));
        Assert.Null(second.GetValue(0, 2));
        Assert.Equal(443, second.GetValue(0, 8));
    }

    [Fact]
    public void A_discarded_row_leaves_nothing_behind()
    {
        var builder = new TableBuilder(Schema);
        builder.SetString(1, "good-1");
        builder.CommitRow();
        builder.SetString(1, "bad");
        builder.SetLong(2, 7);
        builder.DiscardRow();
        builder.SetString(1, "good-2");
        builder.CommitRow();

        var table = builder.Build();

        Assert.Equal(2, table.RowCount);
        Assert.Equal("good-2", table.GetValue(1, 1));
        Assert.Null(table.GetValue(1, 2));
    }

    [Fact]
    public void Columns_set_in_a_few_rows_only_are_null_in_the_others_across_chunks()
    {
        var builder = new TableBuilder(Schema, chunkRows: 3);
        for (var i = 0; i < 8; i++)
        {
            builder.SetInt(8, i);
            if (i is 1 or 5)
            {
                builder.SetString(1, $"user{i}");
                builder.SetLong(2, i);
                builder.SetDynamicJson(4, "[1]"u8);
            }
            builder.CommitRow();
        }

        var table = builder.Build();

        Assert.Equal([3, 3, 2], table.Chunks.Select(c => c.RowCount));
        for (var row = 0; row < 8; row++)
        {
            var isSet = row is 1 or 5;
            Assert.Equal(row, table.GetValue(row, 8));
            Assert.Equal(isSet ? $"user{row}" : "", table.GetValue(row, 1));
            Assert.Equal(isSet ? (long)row : null, table.GetValue(row, 2));
            Assert.Equal(isSet, table.GetValue(row, 4) is not null);
        }
    }

    [Fact]
    public void Rows_are_sealed_into_chunks_of_the_configured_size_with_per_chunk_dictionaries()
    {
        var builder = new TableBuilder(Schema, chunkRows: 100);
        for (var i = 0; i < 250; i++)
        {
            builder.SetString(1, $"user{i % 3}");
            builder.SetLong(2, i);
            builder.CommitRow();
        }

        var table = builder.Build();

        Assert.Equal([100, 100, 50], table.Chunks.Select(c => c.RowCount));
        var users = (StringColumn)table.Chunks[2][1];
        Assert.Equal(4, users.Dictionary.Count); // the empty string and three users
        Assert.Equal("user1", table.GetValue(202, 1));
        Assert.Equal(249L, table.GetValue(249, 2));
    }

    [Fact]
    public void Strings_are_stored_once_per_chunk_and_codes_use_the_narrowest_width()
    {
        var builder = new TableBuilder(Schema, chunkRows: 1000);
        for (var i = 0; i < 1000; i++)
        {
            builder.SetString(1, i % 2 == 0 ? "Success" : "Failure");
            builder.CommitRow();
        }

        var column = (StringColumn)builder.Build().Chunks[0][1];

        Assert.Equal(1000, column.Codes.EstimatedBytes);
        Assert.Equal(3, column.Dictionary.Count);
    }

    [Fact]
    public void Many_distinct_strings_widen_the_codes_and_keep_every_value()
    {
        var builder = new TableBuilder(Schema, chunkRows: 70_000);
        for (var i = 0; i < 70_000; i++)
        {
            builder.SetString(1, "id-" + i);
            builder.CommitRow();
        }

        var table = builder.Build();

        Assert.Equal("id-0", table.GetValue(0, 1));
        Assert.Equal("id-69999", table.GetValue(69_999, 1));
        Assert.Equal(70_000 * 4, ((StringColumn)table.Chunks[0][1]).Codes.EstimatedBytes);
    }

    [Fact]
    public void A_column_that_is_null_in_every_row_stores_no_values()
    {
        var builder = new TableBuilder(Schema);
        for (var i = 0; i < 10; i++) builder.CommitRow();

        var column = (PrimitiveColumn<long>)builder.Build().Chunks[0][2];

        Assert.True(column.IsAllNull);
        Assert.Equal(0, column.EstimatedBytes);
    }

    [Fact]
    public void Setting_a_value_of_the_wrong_type_names_the_column()
    {
        var builder = new TableBuilder(Schema);
        var error = Assert.Throws<InvalidOperationException>(() => builder.SetLong(1, 3));
        Assert.Contains("T.User", error.Message);
    }
}

public class CompressedDictionaryTests
{
    [Fact]
    public void Long_unique_dynamic_values_are_stored_compressed_and_read_back_exactly()
    {
        var schema = TableSymbol.FromTerse("T", "(Details: dynamic, Name: string)");
        var builder = new TableBuilder(schema, chunkRows: 5000);
        var expected = new List<string>();
        for (var i = 0; i < 5000; i++)
        {
            var json = $$"""[{"authenticationStepDateTime":"2026-11-02T08:{{i / 60 % 60:00}}:{{i % 60:00}}.{{i:0000000}}+00:00","authenticationMethod":"Password","succeeded":true,"step":{{i}}}]""";
            expected.Add(json);
            builder.SetDynamicJson(0, System.Text.Encoding.UTF8.GetBytes(json));
            builder.SetString(1, "short");
            builder.CommitRow();
        }

        var chunk = builder.Build().Chunks[0];
        var details = (DynamicColumn)chunk[0];

        Assert.True(details.Dictionary.IsCompressed);
        Assert.False(((StringColumn)chunk[1]).Dictionary.IsCompressed);
        Assert.True(details.EstimatedBytes < expected.Sum(e => e.Length) / 4, $"{details.EstimatedBytes} bytes stored");
        var first = details.GetJson(0);
        for (var row = 4999; row >= 0; row -= 7)
            Assert.Equal(expected[row], System.Text.Encoding.UTF8.GetString(details.GetJson(row)));
        Assert.Equal(expected[0], System.Text.Encoding.UTF8.GetString(first)); // a span handed out earlier stays valid
        Assert.Equal(4999, details.GetNode(4999)![0]!["step"]!.GetValue<int>());
    }

    [Fact]
    public void Compressed_columns_read_in_turn_and_from_several_threads_give_each_its_own_values()
    {
        // Each thread remembers the block it decompressed last: reading two arenas in turn, or one arena from two
        // threads, must never serve a value from another arena's or another block's bytes.
        static string Expected(int part, int i) =>
            $$"""{"part":{{part}},"step":{{i}},"at":"2026-11-02T08:{{i / 60 % 60:00}}:{{i % 60:00}}.{{i:0000000}}","method":"Password"}""";
        var schema = TableSymbol.FromTerse("T", "(Details: dynamic)");
        var columns = Enumerable.Range(0, 2).Select(part =>
        {
            var builder = new TableBuilder(schema, chunkRows: 4000);
            for (var i = 0; i < 4000; i++)
            {
                builder.SetDynamicJson(0, System.Text.Encoding.UTF8.GetBytes(Expected(part, i)));
                builder.CommitRow();
            }
            return (DynamicColumn)builder.Build().Chunks[0][0];
        }).ToList();
        Assert.All(columns, c => Assert.True(c.Dictionary.IsCompressed));
        for (var i = 0; i < 4000; i += 3)
            for (var part = 0; part < 2; part++)
                Assert.Equal(Expected(part, i), System.Text.Encoding.UTF8.GetString(columns[part].GetJson(i)));
        var wrong = 0;
        Parallel.For(0, 4, worker =>
        {
            for (var i = worker % 2 == 0 ? 0 : 3999; worker % 2 == 0 ? i < 4000 : i >= 0; i += worker % 2 == 0 ? 1 : -1)
                if (System.Text.Encoding.UTF8.GetString(columns[0].GetJson(i)) != Expected(0, i)) Interlocked.Increment(ref wrong);
        });
        Assert.Equal(0, wrong);
    }

    [Fact]
    public void Value_lengths_are_known_without_decompressing_and_concatenations_keep_every_value()
    {
        var schema = TableSymbol.FromTerse("T", "(Details: dynamic, Name: string)");
        var chunks = Enumerable.Range(0, 2).Select(part =>
        {
            var builder = new TableBuilder(schema, chunkRows: 3000);
            for (var i = 0; i < 3000; i++)
            {
                builder.SetDynamicJson(0, System.Text.Encoding.UTF8.GetBytes($$"""{"part":{{part}},"step":{{i}},"pad":"{{new string('x', i % 97)}}"}"""));
                builder.SetString(1, $"user{i % 40}");
                builder.CommitRow();
            }
            return builder.Build().Chunks[0];
        }).ToList();
        var details = (DynamicColumn)chunks[0][0];
        Assert.True(details.Dictionary.IsCompressed);
        for (var code = 0; code < details.Dictionary.Count; code++)
            Assert.Equal(details.Dictionary.GetUtf8(code).Length, details.Dictionary.ByteLength(code));
        var names = (StringColumn)chunks[0][1];
        for (var code = 0; code < names.Dictionary.Count; code++)
            Assert.Equal(names.Dictionary.GetUtf8(code).Length, names.Dictionary.ByteLength(code));

        // Rows cut from two chunks (two dictionaries) and joined: every value comes back, in order.
        int[] rows = [2999, 0, 1500, 1500, 7];
        var one = ChunkConcat.Concat(schema, [chunks[0].Gather(rows), chunks[1].Gather(rows)]);
        Assert.Equal(10, one.RowCount);
        for (var i = 0; i < 10; i++)
        {
            var (part, row) = (i / 5, rows[i % 5]);
            Assert.Equal(System.Text.Encoding.UTF8.GetString(((DynamicColumn)chunks[part][0]).GetJson(row)),
                System.Text.Encoding.UTF8.GetString(((DynamicColumn)one[0]).GetJson(i)));
            Assert.Equal($"user{row % 40}", one[1].GetValue(i));
        }
    }
}
