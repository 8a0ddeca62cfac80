using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detection.Tables.Columns;

namespace Detection.Query.Output;

/// <summary>
/// The text of a value as every output format shows it. Datetimes are ISO 8601 UTC with the fraction trimmed, as the
/// Log Analytics API returns them ("2026-11-02T08:30:00Z", "2026-11-02T08:30:00.483Z"); timespans are KQL's
/// <c>[-][d.]hh:mm:ss[.fffffff]</c>; reals the shortest text that round-trips; dynamic values their compact JSON.
/// </summary>
internal static class CellText
{
    private const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    /// <summary>The value's text, or null for a null value (strings are never null).</summary>
    public static string? Format(Column column, int row)
    {
        if (column.IsNull(row)) return null;
        return column switch
        {
            StringColumn strings => strings.GetString(row),
            DynamicColumn dynamic => Dynamic(dynamic.GetJson(row)),
            PrimitiveColumn<bool> c => c.Get(row) ? "true" : "false",
            PrimitiveColumn<int> c => c.Get(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<long> c => c.Get(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<double> c => Real(c.Get(row)),
            PrimitiveColumn<decimal> c => c.Get(row).ToString(CultureInfo.InvariantCulture),
            PrimitiveColumn<DateTime> c => DateTime(c.Get(row)),
            PrimitiveColumn<TimeSpan> c => TimeSpan(c.Get(row)),
            PrimitiveColumn<Guid> c => c.Get(row).ToString("D"),
            _ => throw new NotSupportedException(column.GetType().Name),
        };
    }

    /// <summary>
    /// Compact JSON with non-ASCII characters as themselves: writers upstream may have stored "Z\u00FCrich" for "Zürich",
    /// which a reader of the output should not have to decode.
    /// </summary>
    public static string Dynamic(ReadOnlySpan<byte> json)
    {
        if (json.IndexOf("\\u"u8) < 0) return Encoding.UTF8.GetString(json);
        return JsonNode.Parse(json)?.ToJsonString(Relaxed) ?? "null";
    }

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string DateTime(DateTime value) => value.ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    public static string TimeSpan(TimeSpan value) => value.ToString("c", CultureInfo.InvariantCulture);

    /// <summary>NaN and infinities as KQL prints them.</summary>
    public static string Real(double value) =>
        double.IsNaN(value) ? "NaN" : double.IsPositiveInfinity(value) ? "Infinity" : double.IsNegativeInfinity(value) ? "-Infinity"
        : value.ToString("R", CultureInfo.InvariantCulture);
}
