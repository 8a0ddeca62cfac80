using Detection.Tables;

namespace Detection.Ingestion.Tests;

/// <summary>Test helpers: load inputs, fixtures, read cells by column name.</summary>
internal static class Load
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static LoadResult Files(params string[] paths) => DataLoader.Load(paths, new LoadOptions());

    public static LoadResult Files(LoadOptions options, params string[] paths) => DataLoader.Load(paths, options);

    /// <summary>Each rejection as one line with its table, for comparing two loads.</summary>
    public static IEnumerable<string> RejectionLines(IEnumerable<Rejection> rejections) => rejections.Select(r => $"{r} [{r.Table}]");

    /// <summary>A cell as invariant text (dynamic values as JSON, times round-trip), for comparing two loads.</summary>
    public static string? CellText(object? value) => value switch
    {
        null => null,
        System.Text.Json.Nodes.JsonNode node => node.ToJsonString(),
        DateTime time => time.ToString("O"),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
    };

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
