using Detection.Kql.Schemas;
using Detection.Kql.Symbols;

namespace Detection.Ingestion.Rows;

/// <summary>Which table rows without a <c>Type</c> belong to: the <c>--table</c> option, else the file name, else the CSV header.</summary>
internal static class TableNames
{
    private static readonly string[] DataExtensions = [".gz", ".csv", ".json", ".jsonl", ".ndjson", ".txt", ".log", ".tsv"];

    /// <summary>
    /// The known table whose name starts the file name, comparing letters and digits only, case-insensitively (the
    /// longest such table wins): <c>signinLogs.csv</c> and <c>SigninLogs-2024.jsonl</c> → SigninLogs,
    /// <c>azureActivity_adele.csv</c> → AzureActivity; <c>sign-in_adelete.csv</c> matches nothing.
    /// </summary>
    public static TableSymbol? FromFileName(SchemaSet schemas, string path)
    {
        var name = Path.GetFileName(path);
        var changed = true;
        while (changed)
        {
            changed = false;
            foreach (var extension in DataExtensions)
            {
                if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                {
                    name = name[..^extension.Length];
                    changed = true;
                }
            }
        }
        var normalized = Normalize(name);
        return schemas.Tables
            .Where(t => normalized.StartsWith(Normalize(t.Name), StringComparison.Ordinal))
            .OrderByDescending(t => t.Name.Length)
            .FirstOrDefault();
    }

    /// <summary>
    /// The table whose columns the header names best (with <see cref="ColumnResolver"/>'s conventions), when that is
    /// unambiguous: at least 3 columns and at least half of the header, and strictly more than any other table.
    /// </summary>
    public static TableSymbol? FromHeader(SchemaSet schemas, IReadOnlyList<string> header)
    {
        var named = header.Where(h => ColumnResolver.StripUnit(h).Length > 0).ToList();
        var scored = schemas.Tables
            .Select(t => (Table: t, Score: named.Count(h => ColumnResolver.Resolve(t, h).Column >= 0)))
            .OrderByDescending(s => s.Score)
            .Take(2)
            .ToList();
        if (scored.Count == 0) return null;
        var best = scored[0];
        if (best.Score < 3 || best.Score * 2 < named.Count) return null;
        if (scored.Count > 1 && scored[1].Score == best.Score) return null;
        return best.Table;
    }

    private static string Normalize(string text) =>
        string.Concat(text.Where(char.IsLetterOrDigit)).ToLowerInvariant();
}
