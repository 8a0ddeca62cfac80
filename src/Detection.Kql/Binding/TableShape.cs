using Detection.Kql.Symbols;

namespace Detection.Kql.Binding;

/// <summary>A column of an operator's output: its name and bound type.</summary>
public sealed record BoundColumn(string Name, TypeSymbol Type);

/// <summary>
/// The columns of a tabular expression, in order. An open shape (<see cref="IsOpen"/>) may have further columns
/// the binder cannot know (an ASIM parser, <c>evaluate bag_unpack</c>, <c>table(name)</c> of a parameter): names
/// not found in it are accepted as dynamic rather than reported. Immutable.
/// </summary>
public sealed class TableShape
{
    private readonly Dictionary<string, int> _index;

    public TableShape(IEnumerable<BoundColumn> columns, bool isOpen = false)
    {
        // Later duplicates replace earlier ones in place, which is what every operator that assigns a name wants.
        var list = new List<BoundColumn>();
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var column in columns)
        {
            if (_index.TryGetValue(column.Name, out var at)) list[at] = column;
            else
            {
                _index[column.Name] = list.Count;
                list.Add(column);
            }
        }
        Columns = list;
        IsOpen = isOpen;
    }

    public static TableShape Empty { get; } = new([]);

    public static TableShape Open { get; } = new([], isOpen: true);

    public IReadOnlyList<BoundColumn> Columns { get; }

    public bool IsOpen { get; }

    public BoundColumn? Find(string name) => _index.TryGetValue(name, out var i) ? Columns[i] : null;

    public bool Contains(string name) => _index.ContainsKey(name);

    public static TableShape From(TableSymbol table) =>
        new(table.Columns.Select(c => new BoundColumn(c.Name, TypeSymbol.Of(c.Type))));

    /// <summary>The columns as plain symbols (arrays and bags become <see cref="KqlType.Dynamic"/>).</summary>
    public IEnumerable<ColumnSymbol> ToColumnSymbols() =>
        Columns.Where(c => c.Type.IsScalar).Select(c => new ColumnSymbol(c.Name, c.Type.ScalarType));

    public TableShape WithOpen(bool open) => new(Columns, open);

    /// <summary>A name not yet used in <paramref name="taken"/> (see <see cref="ColumnNaming.Unique"/>).</summary>
    public static string Unique(string name, ICollection<string> taken) => ColumnNaming.Unique(name, taken);

    public override string ToString() =>
        $"({string.Join(", ", Columns.Select(c => $"{c.Name}: {c.Type}"))}{(IsOpen ? ", …" : "")})";
}
