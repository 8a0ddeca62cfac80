using Detection.Kql.Symbols;

namespace Detection.Kql.Schemas;

/// <summary>The table schemas shipped inside this assembly (see Schemas/README.md for their sources).</summary>
internal static class EmbeddedSchemas
{
    private const string Prefix = "Detection.Kql.Schemas.Tables.";

    public static IEnumerable<TableSymbol> Load()
    {
        var assembly = typeof(EmbeddedSchemas).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(r => r.StartsWith(Prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            yield return SchemaJson.Read(stream, "embedded:" + resource[Prefix.Length..]);
        }
    }
}
