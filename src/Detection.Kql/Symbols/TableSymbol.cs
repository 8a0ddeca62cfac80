using System.Collections.Immutable;

namespace Detection.Kql.Symbols;

/// <summary>
/// An immutable table schema: its name and ordered columns. Column lookup by name is exact first,
/// then case-insensitive, because readers match field names case-insensitively while KQL itself is case-sensitive.
/// </summary>
public sealed class TableSymbol
{
    private readonly Dictionary<string, int> _exact;
    private readonly Dictionary<string, int> _folded;

    public TableSymbol(string name, IEnumerable<ColumnSymbol> columns, string? source = null)
    {
        Name = name;
        Source = source;
        Columns = columns.ToImmutableArray();
        _exact = new Dictionary<string, int>(StringComparer.Ordinal);
        _folded = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Columns.Length; i++)
        {
            if (!_exact.TryAdd(Columns[i].Name, i))
                throw new ArgumentException($"table {name}: column '{Columns[i].Name}' is declared twice", nameof(columns));
            _folded.TryAdd(Columns[i].Name, i);
        }
    }

    public string Name { get; }

    /// <summary>Where the column list comes from (a documentation address or a file), for the record.</summary>
    public string? Source { get; }

    public ImmutableArray<ColumnSymbol> Columns { get; }

    /// <summary>The column's ordinal by exact name, or -1.</summary>
    public int IndexOf(string column) => _exact.TryGetValue(column, out var i) ? i : -1;

    /// <summary>The column's ordinal by exact name, else by case-insensitive name, or -1.</summary>
    public int IndexOfIgnoreCase(string column) =>
        _exact.TryGetValue(column, out var i) ? i : _folded.TryGetValue(column, out i) ? i : -1;

    public ColumnSymbol? Column(string name) => IndexOf(name) is var i and >= 0 ? Columns[i] : null;

    /// <summary>
    /// Parses the terse form <c>(TimeGenerated: datetime, UserPrincipalName: string)</c>.
    /// </summary>
    public static TableSymbol FromTerse(string name, string schema)
    {
        var body = schema.Trim();
        if (body.StartsWith('(') && body.EndsWith(')')) body = body[1..^1];
        var columns = body.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(part =>
            {
                var colon = part.IndexOf(':');
                if (colon <= 0) throw new FormatException($"table {name}: '{part}' is not 'Name: type'");
                return new ColumnSymbol(part[..colon].Trim(), KqlTypeNames.Parse(part[(colon + 1)..]));
            });
        return new TableSymbol(name, columns);
    }

    public override string ToString() => $"{Name}({string.Join(", ", Columns)})";
}
