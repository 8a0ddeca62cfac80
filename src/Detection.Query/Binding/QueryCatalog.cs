using Detection.Kql.Schemas;
using Detection.Tables;

namespace Detection.Query.Binding;

/// <summary>
/// The tables a query can name: the loaded tables, and every other table of the schema set as an empty table (a query
/// on a known table with no data returns no rows, it is not an error). Immutable; safe to share.
/// </summary>
public sealed class QueryCatalog(SchemaSet schemas, IReadOnlyDictionary<string, Table> tables)
{
    public static QueryCatalog Of(params Table[] tables) => new(SchemaSet.Empty, tables.ToDictionary(t => t.Name));

    /// <summary>The table by its exact (case-sensitive) name, or null.</summary>
    public Table? Find(string name) =>
        tables.TryGetValue(name, out var table) ? table
        : schemas.Table(name) is { } schema ? Table.Empty(schema)
        : null;

    public IEnumerable<string> TableNames => tables.Keys.Union(schemas.Tables.Select(t => t.Name)).Order(StringComparer.Ordinal);
}
