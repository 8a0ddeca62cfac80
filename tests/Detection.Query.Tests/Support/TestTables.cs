using Detection.Testing;
using Detection.Tables;
using Detection.Tables.Building;

namespace Detection.Query.Tests.Support;

/// <summary>Tables written inline: a terse schema and rows of values (null for a null; JSON text for dynamic).</summary>
internal static class TestTables
{
    public static Table Create(string name, string schema, IEnumerable<object?[]> rows, int chunkRows = TableBuilder.DefaultChunkRows) =>
        InlineTable.Create(name, schema, rows, chunkRows);
}
