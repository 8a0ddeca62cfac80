using System.Text;
using Detection.Kql.Symbols;
using Detection.Tables;

namespace Detection.Query.Output;

/// <summary>
/// An aligned table for a terminal: a header row, a dashed separator, one line per row, columns two spaces apart,
/// numbers right-aligned, nulls blank. Line breaks and tabs inside a value show as spaces, and a cell longer than
/// <see cref="MaxCellLength"/> characters is cut with "…" (text mode only; json and csv keep full values).
/// </summary>
public sealed class TextTableWriter : ITableWriter
{
    public const int MaxCellLength = 120;

    public void Write(Table table, TextWriter output)
    {
        var columns = table.Schema.Columns;
        var rows = new List<string[]>();
        foreach (var chunk in table.Chunks)
        {
            for (var row = 0; row < chunk.RowCount; row++)
            {
                var cells = new string[columns.Length];
                for (var c = 0; c < cells.Length; c++) cells[c] = Cell(CellText.Format(chunk.Columns[c], row));
                rows.Add(cells);
            }
        }

        var widths = columns.Select((column, c) => rows.Aggregate(column.Name.Length, (width, cells) => Math.Max(width, cells[c].Length))).ToArray();
        var rightAligned = columns.Select(column => column.Type.IsNumeric()).ToArray();
        WriteLine(output, columns.Select(column => column.Name).ToArray(), widths, rightAligned);
        output.WriteLine(string.Join("  ", widths.Select(width => new string('-', width))));
        foreach (var cells in rows) WriteLine(output, cells, widths, rightAligned);
    }

    private static void WriteLine(TextWriter output, string[] cells, int[] widths, bool[] rightAligned)
    {
        var line = new StringBuilder();
        for (var c = 0; c < cells.Length; c++)
        {
            if (c > 0) line.Append("  ");
            line.Append(rightAligned[c] ? cells[c].PadLeft(widths[c]) : cells[c].PadRight(widths[c]));
        }
        output.WriteLine(line.ToString().TrimEnd());
    }

    private static string Cell(string? text)
    {
        if (text is null) return "";
        if (text.AsSpan().IndexOfAny('\r', '\n', '\t') >= 0) text = text.Replace("\r\n", " ").Replace('\r', ' ').Replace('\n', ' ').Replace('\t', ' ');
        return text.Length <= MaxCellLength ? text : string.Concat(text.AsSpan(0, MaxCellLength - 1), "…");
    }
}
