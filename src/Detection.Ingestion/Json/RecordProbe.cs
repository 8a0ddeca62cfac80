using System.Text;
using System.Text.Json;

namespace Detection.Ingestion.Json;

/// <summary>
/// One quick pass over the top-level fields of a JSON object (values skipped, not mapped) to learn what it is:
/// an export body (<c>records</c>), an export record (<c>category</c> and <c>time</c>) or a Log Analytics row (<c>Type</c>).
/// </summary>
internal ref struct RecordProbe
{
    public bool IsObject;
    public bool HasRecordsArray;
    public bool HasTime;
    public bool HasTimeGenerated;
    public string? Category;
    public string? Type;
    public string? ResourceId;
    public int PropertiesStart;
    public int PropertiesLength;

    public static RecordProbe Of(ReadOnlySpan<byte> json)
    {
        var probe = new RecordProbe { PropertiesStart = -1 };
        var reader = new Utf8JsonReader(json, isFinalBlock: true, state: default);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return probe;
        probe.IsObject = true;
        string? typeField = null;
        string? exactType = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.ValueSpan;
            reader.Read();
            if (Is(name, "records"u8) && reader.TokenType == JsonTokenType.StartArray) probe.HasRecordsArray = true;
            else if (Is(name, "time"u8)) probe.HasTime = true;
            else if (Is(name, "TimeGenerated"u8)) probe.HasTimeGenerated = true;
            else if (Is(name, "category"u8) && reader.TokenType == JsonTokenType.String) probe.Category = reader.GetString();
            else if (name.SequenceEqual("Type"u8) && reader.TokenType == JsonTokenType.String) exactType = reader.GetString();
            else if ((Is(name, "type"u8) || Is(name, "$table"u8)) && reader.TokenType == JsonTokenType.String) typeField ??= reader.GetString();
            else if (Is(name, "resourceId"u8) && reader.TokenType == JsonTokenType.String) probe.ResourceId = reader.GetString();
            else if (Is(name, "properties"u8) && reader.TokenType == JsonTokenType.StartObject) probe.PropertiesStart = (int)reader.TokenStartIndex;
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                if (start == probe.PropertiesStart) probe.PropertiesLength = (int)reader.BytesConsumed - start;
            }
        }
        // "Type" spelled exactly is the Log Analytics column; "type" may be a projected field or RLS's alias of category.
        probe.Type = exactType ?? typeField;
        return probe;
    }

    /// <summary>True when <c>properties</c> holds a field named <paramref name="field"/> (case-insensitive).</summary>
    public readonly bool PropertiesHave(ReadOnlySpan<byte> json, ReadOnlySpan<byte> field)
    {
        if (PropertiesStart < 0) return false;
        var reader = new Utf8JsonReader(json.Slice(PropertiesStart, PropertiesLength), isFinalBlock: true, state: default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (Is(reader.ValueSpan, field)) return true;
            reader.Read();
            reader.Skip();
        }
        return false;
    }

    public static bool Is(ReadOnlySpan<byte> name, ReadOnlySpan<byte> expected) => Ascii.EqualsIgnoreCase(name, expected);
}
