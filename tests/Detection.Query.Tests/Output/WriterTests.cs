using Detection.Query.Output;
using Detection.Query.Tests.Support;
using Detection.Tables;

namespace Detection.Query.Tests.Output;

public class WriterTests
{
    private static readonly Table Sample = TestTables.Create("SigninLogs",
        "(TimeGenerated: datetime, User: string, Count: long, Score: real, Ok: bool, Details: dynamic, Took: timespan, Id: guid)",
        [
            [new DateTime(2026, 11, 2, 8, 30, 0, DateTimeKind.Utc), "alice@contoso.com", 3L, 0.25, true, """{"city":"Zürich","n":[1,2]}""",
                TimeSpan.FromSeconds(90), Guid.Parse("0231f922-93fa-4005-bb11-b344eca03c01")],
            [new DateTime(2026, 11, 2, 8, 30, 0, 483, DateTimeKind.Utc), "o'neil, \"bob\"\nline 2", 12345L, null, null, null,
                new TimeSpan(1, 2, 3, 4, 500), null],
        ],
        chunkRows: 1);

    private static string Write(ITableWriter writer, Table table)
    {
        var output = new StringWriter { NewLine = "\n" };
        writer.Write(table, output);
        return output.ToString();
    }

    [Fact]
    public void Text_is_an_aligned_table_with_numbers_right_aligned_and_nulls_blank() =>
        Assert.Equal(
            """
            TimeGenerated             User                  Count  Score  Ok    Details                      Took                Id
            ------------------------  --------------------  -----  -----  ----  ---------------------------  ------------------  ------------------------------------
            2026-11-02T08:30:00Z      alice@contoso.com         3   0.25  true  {"city":"Zürich","n":[1,2]}  00:01:30            0231f922-93fa-4005-bb11-b344eca03c01
            2026-11-02T08:30:00.483Z  o'neil, "bob" line 2  12345                                            1.02:03:04.5000000
            """ + "\n",
            Write(new TextTableWriter(), Sample));

    [Fact]
    public void Text_cuts_very_long_cells()
    {
        var table = TestTables.Create("T", "(V: string)", [[new string('x', 500)]]);
        var line = Write(new TextTableWriter(), table).Split('\n')[2];
        Assert.Equal(TextTableWriter.MaxCellLength, line.Length);
        Assert.EndsWith("x…", line);
    }

    [Fact]
    public void Json_has_the_Log_Analytics_query_API_shape() =>
        Assert.Equal(
            """
            {"tables":[{"name":"PrimaryResult","columns":[{"name":"TimeGenerated","type":"datetime"},{"name":"User","type":"string"},{"name":"Count","type":"long"},{"name":"Score","type":"real"},{"name":"Ok","type":"bool"},{"name":"Details","type":"dynamic"},{"name":"Took","type":"timespan"},{"name":"Id","type":"guid"}],"rows":[["2026-11-02T08:30:00Z","alice@contoso.com",3,0.25,true,"{\"city\":\"Zürich\",\"n\":[1,2]}","00:01:30","0231f922-93fa-4005-bb11-b344eca03c01"],["2026-11-02T08:30:00.483Z","o'neil, \"bob\"\nline 2",12345,null,null,null,"1.02:03:04.5000000",null]]}]}
            """ + "\n",
            Write(new JsonTableWriter(), Sample));

    [Fact]
    public void Json_of_an_empty_result_still_lists_the_columns() =>
        Assert.Equal(
            """{"tables":[{"name":"PrimaryResult","columns":[{"name":"Count","type":"long"}],"rows":[]}]}""" + "\n",
            Write(new JsonTableWriter(), TestTables.Create("T", "(Count: long)", [])));

    [Fact]
    public void Json_writes_large_results_in_pieces_that_join_up()
    {
        var table = TestTables.Create("T", "(V: string)", Enumerable.Range(0, 20_000).Select(i => new object?[] { "value-" + i }));
        var json = System.Text.Json.JsonDocument.Parse(Write(new JsonTableWriter(), table));
        var rows = json.RootElement.GetProperty("tables")[0].GetProperty("rows");
        Assert.Equal(20_000, rows.GetArrayLength());
        Assert.Equal("value-19999", rows[19_999][0].GetString());
    }

    [Fact]
    public void Csv_quotes_per_RFC_4180_with_CRLF_line_ends() =>
        Assert.Equal(
            "TimeGenerated,User,Count,Score,Ok,Details,Took,Id\r\n" +
            "2026-11-02T08:30:00Z,alice@contoso.com,3,0.25,true,\"{\"\"city\"\":\"\"Zürich\"\",\"\"n\"\":[1,2]}\",00:01:30,0231f922-93fa-4005-bb11-b344eca03c01\r\n" +
            "2026-11-02T08:30:00.483Z,\"o'neil, \"\"bob\"\"\nline 2\",12345,,,,1.02:03:04.5000000,\r\n",
            Write(new CsvTableWriter(), Sample));
}
