namespace Detection.Cli.Commands;

/// <summary>Aligned plain-text tables for the commands' text output: columns padded to their widest cell, the last one not padded.</summary>
internal static class TextTable
{
    public static void Write(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, TextWriter output)
    {
        var all = rows.Prepend(header).ToList();
        var widths = header.Select((_, c) => all.Max(r => r[c].Length)).ToArray();
        foreach (var row in all)
            output.WriteLine(string.Join("  ", row.Select((cell, c) => c == row.Count - 1 ? cell : cell.PadRight(widths[c]))).TrimEnd());
    }
}
