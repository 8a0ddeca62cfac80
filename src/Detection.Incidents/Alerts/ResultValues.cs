using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Detection.Kql.Symbols;
using Detection.Tables;

namespace Detection.Incidents.Alerts;

/// <summary>Reads a rule's result table as the alert needs it: values as strings, row times and row keys.</summary>
internal sealed class ResultValues
{
    /// <summary>Columns whose value identifies an event, in order of preference, for evidence keys.</summary>
    private static readonly string[] KeyColumns = ["_ItemId", "Id", "EventDataId", "OriginalRequestId", "CorrelationId"];

    private readonly int _timeColumn;
    private readonly int _keyColumn;

    public ResultValues(Table table)
    {
        Table = table;
        var time = table.Schema.IndexOfIgnoreCase("TimeGenerated");
        _timeColumn = time >= 0 && table.Schema.Columns[time].Type == KqlType.DateTime ? time : -1;
        _keyColumn = KeyColumns.Select(table.Schema.IndexOf).FirstOrDefault(i => i >= 0, -1);
    }

    public Table Table { get; }

    public int RowCount => (int)Math.Min(Table.RowCount, int.MaxValue);

    public bool HasTime => _timeColumn >= 0;

    /// <summary>The column's ordinal by name (exact, else case-insensitive), or -1.</summary>
    public int Column(string name) => Table.Schema.IndexOfIgnoreCase(name);

    /// <summary>The value as text ("" for null): datetimes as ISO 8601 UTC, dynamics as compact JSON, numbers invariant.</summary>
    public string Text(int row, int column) => column < 0 ? "" : Format(Table.GetValue(row, column));

    /// <summary>
    /// The values a custom detail takes from a cell: the elements of a dynamic array (make_set, make_list columns),
    /// each as text, else the cell's text; empty values left out.
    /// </summary>
    public IEnumerable<string> Texts(int row, int column)
    {
        var text = Text(row, column);
        if (column < 0 || Table.Schema.Columns[column].Type != KqlType.Dynamic || !text.StartsWith('[')) return text.Length > 0 ? [text] : [];
        try
        {
            return JsonNode.Parse(text) is JsonArray array
                ? array.Select(e => e is JsonValue v && v.TryGetValue<string>(out var s) ? s : e?.ToJsonString() ?? "").Where(v => v.Length > 0).ToList()
                : [text];
        }
        catch (System.Text.Json.JsonException)
        {
            return [text];
        }
    }

    public DateTime? Time(int row) => _timeColumn >= 0 && Table.GetValue(row, _timeColumn) is DateTime t ? Times.Utc(t) : null;

    /// <summary>The evidence key of a row: <c>Column:value</c> of an id column, else <c>row:</c> and a hash of every value.</summary>
    public string Key(int row)
    {
        if (_keyColumn >= 0 && Text(row, _keyColumn) is { Length: > 0 } id) return $"{Table.Schema.Columns[_keyColumn].Name}:{id}";
        var text = new StringBuilder();
        for (var c = 0; c < Table.Schema.Columns.Length; c++) text.Append(Text(row, c)).Append('\u001f');
        return "row:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())).AsSpan(0, 8));
    }

    /// <summary>
    /// The row as a compact JSON object (column → value; datetimes as ISO 8601 text, dynamics as JSON), or null when
    /// longer than <paramref name="maxChars"/>.
    /// </summary>
    public string? RowJson(int row, int maxChars)
    {
        var json = new JsonObject();
        for (var c = 0; c < Table.Schema.Columns.Length; c++)
        {
            json[Table.Schema.Columns[c].Name] = Table.GetValue(row, c) switch
            {
                null => null,
                string s => s,
                DateTime t => Times.Write(t),
                bool b => b,
                int i => i,
                long l => l,
                double d when double.IsFinite(d) => d,
                decimal m => m,
                JsonNode node => node.DeepClone(),
                var other => Format(other),
            };
        }
        var text = json.ToJsonString();
        return text.Length <= maxChars ? text : null;
    }

    public static string Format(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime t => Times.Write(t),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        JsonNode node => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : node.ToJsonString(),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
