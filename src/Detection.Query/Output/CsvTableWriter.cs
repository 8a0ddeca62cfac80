using Detection.Tables;

namespace Detection.Query.Output;

/// <summary>
/// RFC 4180 CSV: a header row of column names, CRLF line ends, a field quoted (quotes doubled) when it holds a comma,
/// quote or line break. Nulls are empty fields; values are written as <see cref="CellText"/> formats them.
/// </summary>
public sealed class CsvTableWriter : ITableWriter
{
    private static readonly char[] NeedsQuoting = [',', '"', '\r', '\n'];

    public void Write(Table table, TextWriter output)
    {
        WriteRecord(output, table.Schema.Columns.Select(c => c.Name));
        foreach (var chunk in table.Chunks)
        {
            for (var row = 0; row < chunk.RowCount; row++)
                WriteRecord(output, chunk.Columns.Select(column => CellText.Format(column, row) ?? ""));
        }
    }

    private static void WriteRecord(TextWriter output, IEnumerable<string> fields)
    {
        output.Write(string.Join(",", fields.Select(Quote)));
        output.Write("\r\n");
    }

    private static string Quote(string field) =>
        field.IndexOfAny(NeedsQuoting) < 0 ? field : "\"" + field.Replace("\"", "\"\"") + "\"";
}
