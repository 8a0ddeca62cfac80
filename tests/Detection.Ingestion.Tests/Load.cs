using Detection.Tables;

namespace Detection.Ingestion.Tests;

/// <summary>Test helpers: load inputs, fixtures, read cells by column name.</summary>
internal static class Load
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static LoadResult Files(params string[] paths) => DataLoader.Load(paths, new LoadOptions());

    public static LoadResult Files(LoadOptions options, params string[] paths) => DataLoader.Load(paths, options);

    public static object? Cell(this Table table, long row, string column)
    {
        var index = table.Schema.IndexOf(column);
        Assert.True(index >= 0, $"{table.Name} has no column {column}");
        return table.GetValue(row, index);
    }

    public static string Dynamic(this Table table, long row, string column) =>
        table.Cell(row, column) is { } node ? ((System.Text.Json.Nodes.JsonNode)node).ToJsonString() : "null";

    public static string Describe(this LoadResult result) =>
        string.Join("\n", result.Rejections.Select(r => r.ToString()));
}
