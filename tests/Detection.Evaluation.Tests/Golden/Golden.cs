using Detection.Evaluation.Tests.Support;
using Detection.Tables;

namespace Detection.Evaluation.Tests.Golden;

/// <summary>
/// Examples of the KQL reference pages with their documented output. The expected text is what the page shows: a
/// header of column names, then one line per row, cells separated by " | " and rendered as <see cref="Data.Cell"/> does
/// (dynamic values as compact JSON, datetimes as ISO 8601 UTC, timespans as d.hh:mm:ss.fffffff, "" for an empty string).
/// </summary>
internal static class Golden
{
    /// <summary>The base of the reference pages; each test names its page relative to it.</summary>
    public const string Reference = "https://learn.microsoft.com/kusto/query/";

    public static void Check(string page, string expected, string query, params Table[] tables)
    {
        var actual = Render(Data.Run(query, tables));
        var wanted = Data.Normalize(expected);
        Assert.True(wanted == actual, $"{Reference}{page}\n{query}\nexpected:\n{wanted}\nactual:\n{actual}");
    }

    public static string Render(Table table)
    {
        var lines = new List<string> { string.Join(" | ", table.Schema.Columns.Select(c => c.Name)) };
        for (long row = 0; row < table.RowCount; row++)
            lines.Add(string.Join(" | ", Enumerable.Range(0, table.Schema.Columns.Length).Select(c => Data.Cell(table.GetValue(row, c)))));
        return string.Join("\n", lines);
    }
}
