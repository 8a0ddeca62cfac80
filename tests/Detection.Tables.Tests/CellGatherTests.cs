using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Tests;

public class CellGatherTests
{
    [Fact]
    public void Strings_from_several_dictionaries_come_back_in_cell_order_with_one_entry_per_distinct_value()
    {
        var first = ColumnFactory.String(["alice", "bob", "carol"]);
        var second = ColumnFactory.String(["dave", "alice", "", "erin"]);
        var gathered = (StringColumn)CellGather.Gather(KqlType.String, [second, first, null, second, first, second], [1, 1, 0, 0, 0, 2]);
        Assert.Equal(["alice", "bob", "", "dave", "alice", ""], Enumerable.Range(0, 6).Select(gathered.GetValue));
        Assert.Equal(4, gathered.Dictionary.Count); // "", alice, bob, dave: alice is interned once though it came from both
    }

    [Fact]
    public void Reading_cells_source_by_source_gives_the_same_column_as_reading_them_in_order()
    {
        // Winners of groups spread over chunks: each cell's source column, row and type mixed, some cells without a source.
        var random = new Random(7);
        var strings = Enumerable.Range(0, 5).Select(s => ColumnFactory.String(Enumerable.Range(0, 50).Select(i => i % 7 == 0 ? "" : $"v{(i * (s + 3)) % 40}").ToList())).ToList();
        var longs = Enumerable.Range(0, 5).Select(s => ColumnFactory.Long(Enumerable.Range(0, 50).Select(i => (long)(i * s)).ToArray(), Enumerable.Range(0, 50).Select(i => i % 9 == 0).ToArray())).ToList();
        var source = Enumerable.Range(0, 400).Select(_ => random.Next(6)).ToArray(); // 5: no source
        var rows = Enumerable.Range(0, 400).Select(_ => random.Next(50)).ToArray();
        var visit = CellGather.SourceOrder(source.Select(s => s == 5 ? null : strings[s]).ToList());
        Assert.Equal(Enumerable.Range(0, 400), visit.Order());
        Assert.True(visit.Zip(visit.Skip(1)).All(p => source[p.First] != source[p.Second] || p.First < p.Second), "in index order within a source");
        Assert.Equal(source.Distinct().Count(), visit.Zip(visit.Skip(1)).Count(p => source[p.First] != source[p.Second]) + 1);

        foreach (var (type, columns) in new (KqlType, List<Column>)[] { (KqlType.String, [.. strings]), (KqlType.Long, [.. longs]) })
        {
            var cells = source.Select(s => s == 5 ? null : columns[s]).ToList();
            var inOrder = CellGather.Gather(type, cells, rows);
            var bySource = CellGather.Gather(type, cells, rows, visit);
            Assert.Equal(Enumerable.Range(0, 400).Select(inOrder.GetValue), Enumerable.Range(0, 400).Select(bySource.GetValue));
        }
    }

    [Fact]
    public void Dynamic_cells_keep_their_json_and_a_missing_cell_is_null()
    {
        var column = ColumnFactory.DynamicJson(["{\"a\":1}", null, "[2,3]"]);
        var gathered = (DynamicColumn)CellGather.Gather(KqlType.Dynamic, [column, null, column, column], [2, 0, 1, 0]);
        Assert.Equal(["[2,3]", null, null, "{\"a\":1}"],
            Enumerable.Range(0, 4).Select(i => gathered.IsNull(i) ? null : System.Text.Encoding.UTF8.GetString(gathered.GetJson(i))));
    }

    [Fact]
    public void Primitive_cells_keep_values_and_nulls_of_each_source()
    {
        var a = ColumnFactory.Long([10, 0, 30], [false, true, false]);
        var b = ColumnFactory.Long([40, 50]);
        var gathered = CellGather.Gather(KqlType.Long, [b, a, a, null, b], [1, 1, 2, 0, 0]);
        Assert.Equal([50L, null, 30L, null, 40L], Enumerable.Range(0, 5).Select(gathered.GetValue));
    }

    [Fact]
    public void Cells_of_another_type_than_asked_are_converted_value_by_value()
    {
        var ints = ColumnFactory.Int([7, 8]);
        var gathered = CellGather.Gather(KqlType.Long, [ints, ints], [1, 0]);
        Assert.Equal(KqlType.Long, gathered.Type);
        Assert.Equal([8L, 7L], Enumerable.Range(0, 2).Select(gathered.GetValue));
    }

    [Fact]
    public void A_few_cells_of_large_dictionaries_keep_their_values_and_only_those_are_interned()
    {
        // 2 cells of 1,000-entry dictionaries: the merge maps just the codes they use (a hash map, not an array per dictionary).
        var first = ColumnFactory.String(Enumerable.Range(0, 1000).Select(i => $"user{i}").ToList());
        var second = ColumnFactory.String(Enumerable.Range(500, 1000).Select(i => $"user{i}").ToList());
        var gathered = (StringColumn)CellGather.Gather(KqlType.String, [first, second, first, second, first], [999, 0, 7, 499, 0]);
        Assert.Equal(["user999", "user500", "user7", "user999", "user0"], Enumerable.Range(0, 5).Select(gathered.GetValue));
        Assert.Equal(5, gathered.Dictionary.Count); // "", user999, user500, user7, user0
    }

    [Fact]
    public void Concatenating_a_filtered_column_with_its_large_dictionary_keeps_the_values_of_its_rows()
    {
        var wide = ColumnFactory.String(Enumerable.Range(0, 2000).Select(i => $"ip{i}").ToList());
        var survivors = ColumnFactory.Gather(wide, [1999, 3, 3]);
        var other = ColumnFactory.String(["ip3", "", "x"]);
        var schema = new TableSymbol("T", [new ColumnSymbol("IPAddress", KqlType.String)]);
        var joined = (StringColumn)ChunkConcat.Concat(schema, [new Chunk(3, [survivors]), new Chunk(3, [other])]).Columns[0];
        Assert.Equal(["ip1999", "ip3", "ip3", "ip3", "", "x"], Enumerable.Range(0, 6).Select(joined.GetValue));
        Assert.Equal(4, joined.Dictionary.Count);
    }
}
