using System.Text.Json;
using Detection.Kql.Symbols;
using Detection.Tables.Columns;

namespace Detection.Tables.Tests;

public class ColumnFactoryTests
{
    [Fact]
    public void Primitive_columns_keep_values_and_nulls()
    {
        var column = ColumnFactory.Long([1, 0, 3], [false, true, false]);
        Assert.Equal([1L, null, 3L], Enumerable.Range(0, 3).Select(column.GetValue));
        Assert.True(ColumnFactory.Long([0, 0], [true, true]).IsAllNull);
    }

    [Fact]
    public void String_columns_are_dictionary_encoded_and_null_is_empty()
    {
        var column = ColumnFactory.String(["a", "b", "a", null, ""]);
        Assert.Equal(["a", "b", "a", "", ""], Enumerable.Range(0, 5).Select(column.GetString));
        Assert.Equal(3, column.Dictionary.Count);
    }

    [Theory]
    [InlineData(200)] // a byte a row
    [InlineData(3000)] // two bytes
    [InlineData(70000)] // four bytes
    public void Gathering_codes_keeps_each_rows_code_and_gives_code_0_for_a_missing_row(int dictionaryCount)
    {
        int[] codes = [dictionaryCount - 1, 0, 7, dictionaryCount / 2];
        var gathered = CodeArray.From(codes, dictionaryCount).Gather([3, -1, 0, 2, 0]);
        Assert.Equal([dictionaryCount / 2, 0, dictionaryCount - 1, 7, dictionaryCount - 1], Enumerable.Range(0, gathered.Length).Select(i => gathered[i]));
    }

    [Fact]
    public void From_values_converts_numbers_and_encodes_dynamics()
    {
        var reals = ColumnFactory.FromValues(KqlType.Real, [1L, 2.5, null]);
        Assert.Equal([1.0, 2.5, null], Enumerable.Range(0, 3).Select(reals.GetValue));
        var dynamics = (DynamicColumn)ColumnFactory.FromValues(KqlType.Dynamic, [JsonDocument.Parse("""{"a": [1, "é"]}""").RootElement, null, "[1]"]);
        Assert.Equal("""{"a":[1,"é"]}""", System.Text.Encoding.UTF8.GetString(dynamics.GetJson(0)));
        Assert.True(dynamics.IsNull(1));
        Assert.Equal("[1]", System.Text.Encoding.UTF8.GetString(dynamics.GetJson(2)));
    }

    [Fact]
    public void Constant_repeats_one_value()
    {
        Assert.Equal(["x", "x"], Enumerable.Range(0, 2).Select(((StringColumn)ColumnFactory.Constant(KqlType.String, "x", 2)).GetString));
        Assert.True(ColumnFactory.Constant(KqlType.DateTime, null, 3).IsNull(2));
    }

    [Fact]
    public void Gather_selects_rows_and_keeps_the_string_dictionary()
    {
        var strings = ColumnFactory.String(["a", "b", "c"]);
        var gathered = (StringColumn)ColumnFactory.Gather(strings, [2, 0, 2]);
        Assert.Equal(["c", "a", "c"], Enumerable.Range(0, 3).Select(gathered.GetString));
        Assert.Same(strings.Dictionary, gathered.Dictionary);
        var longs = ColumnFactory.Gather(ColumnFactory.Long([1, 2, 3], [false, true, false]), [1, 2]);
        Assert.Equal([null, 3L], Enumerable.Range(0, 2).Select(longs.GetValue));
    }

    [Fact]
    public void A_value_of_the_wrong_type_is_refused() =>
        Assert.Throws<ArgumentException>(() => ColumnFactory.FromValues(KqlType.String, [5L]));
}
