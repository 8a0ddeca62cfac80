using System.Text.Json;

namespace Detection.Sources.LogAnalytics;

/// <summary>
/// A 200 response of the query API: <c>{"tables":[{"name","columns":[{"name","type"}],"rows":[[…]]}],"error":{…}}</c>.
/// A <c>PartialError</c> means the result may be incomplete or wrong and is not used.
/// </summary>
internal sealed class QueryResult : IDisposable
{
    private readonly JsonDocument _document;

    private QueryResult(JsonDocument document, long bytes)
    {
        _document = document;
        Bytes = bytes;
        var root = document.RootElement;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            PartialError = Describe(error);
        if (root.TryGetProperty("tables", out var tables) && tables.ValueKind == JsonValueKind.Array && tables.GetArrayLength() > 0)
        {
            var table = tables[0];
            Columns = table.GetProperty("columns").EnumerateArray().Select(c => c.GetProperty("name").GetString() ?? "").ToArray();
            Rows = table.GetProperty("rows");
        }
    }

    public static QueryResult Parse(byte[] body)
    {
        try
        {
            return new QueryResult(JsonDocument.Parse(body), body.Length);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new SourceException($"the query API answered with a body that is not a query result: {ex.Message}");
        }
    }

    public long Bytes { get; }

    public IReadOnlyList<string> Columns { get; } = [];

    public JsonElement Rows { get; }

    public int RowCount => Rows.ValueKind == JsonValueKind.Array ? Rows.GetArrayLength() : 0;

    public string? PartialError { get; }

    /// <summary><c>code: message</c> of a OneAPI error object, with the innermost detail (where the API says what limit was hit).</summary>
    public static string Describe(JsonElement error)
    {
        var text = $"{Text(error, "code")}: {Text(error, "message")}";
        if (error.TryGetProperty("details", out var details) && details.ValueKind == JsonValueKind.Array)
        {
            foreach (var detail in details.EnumerateArray())
            {
                text += $"; {Text(detail, "code")}: {Text(detail, "message")}";
                if (detail.TryGetProperty("innererror", out var inner) && inner.ValueKind == JsonValueKind.Object)
                    text += $" ({Text(inner, "message")})";
            }
        }
        return text;
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    public void Dispose() => _document.Dispose();
}
