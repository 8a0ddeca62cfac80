using Detection.Kql.Symbols;

namespace Detection.Ingestion.Rows;

internal readonly record struct ColumnTarget(int Column, byte Priority)
{
    public static readonly ColumnTarget None = new(-1, 0);
}

/// <summary>
/// Finds the column a Log Analytics export header (CSV) or row field (JSON) names, case-insensitively, with the conventions
/// the portal and custom logs use: a unit suffix such as <c> [UTC]</c> is dropped; <c>X_dynamic</c> / <c>X_string</c> pairs
/// feed column X (the one matching X's type first, else the first non-empty); a custom-log type suffix
/// (<c>_s _d _t _b _g</c>) is added or removed when only that spelling exists in the table.
/// </summary>
internal static class ColumnResolver
{
    // Typed suffixes first: Traffic Analytics has both FlowStartTime_s and FlowStartTime_t, and the datetime is the useful one.
    private static readonly string[] TypeSuffixes = ["_t", "_d", "_b", "_g", "_s"];

    public static string StripUnit(string header)
    {
        var name = header.Trim();
        if (name.EndsWith(']') && name.LastIndexOf(" [", StringComparison.Ordinal) is var open and > 0) name = name[..open];
        return name;
    }

    public static ColumnTarget Resolve(TableSymbol table, string header)
    {
        var name = StripUnit(header);
        if (name.Length == 0) return ColumnTarget.None;
        var exact = table.IndexOfIgnoreCase(name);
        if (exact >= 0) return new(exact, 3);
        foreach (var (suffix, type) in (ReadOnlySpan<(string, KqlType)>)[("_dynamic", KqlType.Dynamic), ("_string", KqlType.String)])
        {
            if (!name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)) continue;
            var column = table.IndexOfIgnoreCase(name[..^suffix.Length]);
            if (column >= 0) return new(column, (byte)(table.Columns[column].Type == type ? 2 : 1));
        }
        foreach (var suffix in TypeSuffixes)
        {
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.OrdinalIgnoreCase)
                && table.IndexOfIgnoreCase(name[..^suffix.Length]) is var stripped and >= 0)
                return new(stripped, 2);
            if (table.IndexOfIgnoreCase(name + suffix) is var added and >= 0) return new(added, 2);
        }
        return ColumnTarget.None;
    }
}
