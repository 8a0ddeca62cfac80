using System.Collections.Immutable;
using Detection.Kql.Symbols;

namespace Detection.Kql.Schemas;

/// <summary>
/// The immutable set of tables a query can name. It changes only through <c>With…</c> methods,
/// which return a new set; an instance is safe to share between threads.
/// </summary>
public sealed class SchemaSet
{
    private static readonly Lazy<SchemaSet> EmbeddedDefault = new(() => new SchemaSet(EmbeddedSchemas.Load()));

    private readonly ImmutableDictionary<string, TableSymbol> _tables;

    private SchemaSet(ImmutableDictionary<string, TableSymbol> tables) => _tables = tables;

    private SchemaSet(IEnumerable<TableSymbol> tables)
        : this(tables.ToImmutableDictionary(t => t.Name, StringComparer.Ordinal))
    {
    }

    /// <summary>No tables at all.</summary>
    public static SchemaSet Empty { get; } = new(ImmutableDictionary.Create<string, TableSymbol>(StringComparer.Ordinal));

    /// <summary>The tables embedded in the product (Log Analytics schemas of the ingested and commonly joined tables).</summary>
    public static SchemaSet Default => EmbeddedDefault.Value;

    public IEnumerable<TableSymbol> Tables => _tables.Values.OrderBy(t => t.Name, StringComparer.Ordinal);

    /// <summary>The table by its exact name (KQL table names are case-sensitive).</summary>
    public TableSymbol? Table(string name) => _tables.GetValueOrDefault(name);

    /// <summary>The table by exact name, else by a case-insensitive match (for file names and <c>Type</c> values).</summary>
    public TableSymbol? TableIgnoreCase(string name) =>
        Table(name) ?? _tables.Values.FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.OrdinalIgnoreCase));

    /// <summary>A set with <paramref name="table"/> added, replacing any table of the same name.</summary>
    public SchemaSet WithTable(TableSymbol table) => new(_tables.SetItem(table.Name, table));

    public SchemaSet WithTables(IEnumerable<TableSymbol> tables) => new(_tables.SetItems(tables.Select(t => KeyValuePair.Create(t.Name, t))));

    /// <summary>
    /// A set with every <c>*.json</c> table schema of <paramref name="directory"/> added or overriding
    /// (the <c>--schemas DIR</c> option). Throws <see cref="SchemaFormatException"/> naming the file on a bad schema.
    /// </summary>
    public SchemaSet WithDirectory(string directory)
    {
        if (!Directory.Exists(directory))
            throw new SchemaFormatException(directory, "the schemas folder does not exist");
        var tables = Directory.EnumerateFiles(directory, "*.json", SearchOption.TopDirectoryOnly)
            .Order(StringComparer.Ordinal)
            .Select(path =>
            {
                using var stream = File.OpenRead(path);
                return SchemaJson.Read(stream, path);
            })
            .ToList();
        return WithTables(tables);
    }
}
