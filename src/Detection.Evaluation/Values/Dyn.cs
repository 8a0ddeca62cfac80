using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace Detection.Evaluation.Values;

/// <summary>
/// Dynamic values. A non-null dynamic is an immutable <see cref="JsonElement"/> (never of kind Null: a null dynamic is
/// C# null), so one value can sit in many rows and arrays without copying.
/// </summary>
internal static class Dyn
{
    public static readonly JsonSerializerOptions Compact = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static object? Parse(ReadOnlySpan<byte> json)
    {
        if (json.IsEmpty) return null;
        var element = JsonSerializer.Deserialize<JsonElement>(json);
        return Normalize(element);
    }

    public static object? TryParse(string text)
    {
        try { return Parse(System.Text.Encoding.UTF8.GetBytes(text)); }
        catch (JsonException) { return null; }
    }

    /// <summary>A JSON null becomes C# null; everything else stays an element.</summary>
    public static object? Normalize(JsonElement element) =>
        element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined ? null : element;

    public static string Text(JsonElement element) => JsonSerializer.Serialize(element, Compact);

    /// <summary>A dynamic holding the scalar <paramref name="value"/> (or the dynamic itself).</summary>
    public static object? From(object? value) => value switch
    {
        null => null,
        JsonElement e => e,
        _ => Build(w => Write(w, value)),
    };

    public static JsonElement Array(IEnumerable<object?> items) => Build(w =>
    {
        w.WriteStartArray();
        foreach (var item in items) Write(w, item);
        w.WriteEndArray();
    });

    public static JsonElement Bag(IEnumerable<KeyValuePair<string, object?>> slots) => Build(w =>
    {
        w.WriteStartObject();
        foreach (var (key, value) in slots)
        {
            w.WritePropertyName(key);
            Write(w, value);
        }
        w.WriteEndObject();
    });

    public static JsonElement Build(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = Compact.Encoder }))
            write(writer);
        return JsonSerializer.Deserialize<JsonElement>(buffer.WrittenSpan);
    }

    public static void Write(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case JsonElement e: e.WriteTo(w); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case double d when double.IsFinite(d): w.WriteNumberValue(d); break;
            case double d: w.WriteStringValue(d.ToString(CultureInfo.InvariantCulture)); break;
            case decimal m: w.WriteNumberValue(m); break;
            case string s: w.WriteStringValue(s); break;
            default: w.WriteStringValue(Kv.ToText(value)); break;
        }
    }

    /// <summary>The scalar inside a dynamic primitive (string, long, double, bool); arrays and bags stay elements.</summary>
    public static object? Unwrap(object? value)
    {
        if (value is not JsonElement e) return value;
        return e.ValueKind switch
        {
            JsonValueKind.String => e.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => e.TryGetInt64(out var l) ? (object)l : e.GetDouble(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => e,
        };
    }

    public static bool IsArray(object? value) => value is JsonElement { ValueKind: JsonValueKind.Array };

    public static bool IsBag(object? value) => value is JsonElement { ValueKind: JsonValueKind.Object };

    /// <summary><c>d.name</c> / <c>d["name"]</c>: the slot of a bag, or null.</summary>
    public static object? Member(object? value, string name) =>
        value is JsonElement { ValueKind: JsonValueKind.Object } e && e.TryGetProperty(name, out var slot) ? Normalize(slot) : null;

    /// <summary><c>d[i]</c>: the element of an array (negative counts from the end), or null.</summary>
    public static object? Index(object? value, long index)
    {
        if (value is not JsonElement { ValueKind: JsonValueKind.Array } e) return null;
        var length = e.GetArrayLength();
        if (index < 0) index += length;
        return index >= 0 && index < length ? Normalize(e[(int)index]) : null;
    }

    public static IEnumerable<object?> Elements(object? value) =>
        value is JsonElement { ValueKind: JsonValueKind.Array } e ? e.EnumerateArray().Select(Normalize) : [];
}
