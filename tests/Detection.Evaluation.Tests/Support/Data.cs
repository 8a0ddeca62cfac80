using System.Globalization;
using System.Text;
using System.Text.Json;
using Detection.Evaluation;
using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Testing;

namespace Detection.Evaluation.Tests.Support;

/// <summary>
/// Tables written inline (a terse schema and rows; null for null, JSON text for dynamic), a fixed evaluation clock,
/// and results rendered as text: a header of name:type, then one line per row, cells separated by " | ".
/// </summary>
internal static class Data
{
    /// <summary>The evaluation clock of every test: 2026-11-02 12:00:00 UTC.</summary>
    public static readonly DateTime Now = new(2026, 11, 2, 12, 0, 0, DateTimeKind.Utc);

    public static Table Table(string name, string schema, IEnumerable<object?[]> rows, int chunkRows = 2) =>
        InlineTable.Create(name, schema, rows, chunkRows);

    public static Table Run(string query, params Table[] tables) =>
        KqlEvaluator.Evaluate(query, new EvaluationContext(Now, tables.ToDictionary(t => t.Name)));

    /// <summary>The rendered result of <paramref name="query"/>.</summary>
    public static string Text(string query, params Table[] tables) => Render(Run(query, tables));

    /// <summary>Compares a result with an expected rendering (each line trimmed; blank lines ignored).</summary>
    public static void Check(string expected, string query, params Table[] tables) =>
        Assert.Equal(Normalize(expected), Text(query, tables));

    public static string Normalize(string text) =>
        string.Join("\n", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));

    public static string Render(Table table)
    {
        var sb = new StringBuilder();
        sb.Append(string.Join(" | ", table.Schema.Columns.Select(c => $"{c.Name}:{c.Type.Name()}")));
        for (long row = 0; row < table.RowCount; row++)
        {
            sb.Append('\n');
            sb.Append(string.Join(" | ", Enumerable.Range(0, table.Schema.Columns.Length).Select(c => Cell(table.GetValue(row, c)))));
        }
        return sb.ToString();
    }

    public static string Cell(object? value) => value switch
    {
        null => "null",
        string s => s.Length == 0 ? "\"\"" : s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-ddTHH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.') + "Z",
        TimeSpan t => t.ToString("c", CultureInfo.InvariantCulture),
        System.Text.Json.Nodes.JsonNode n => n.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
