using System.Buffers.Text;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Detection.Ingestion.Output;
using Detection.Kql.Symbols;

namespace Detection.Ingestion.Coercion;

/// <summary>
/// Puts one input value into one column, converting it to the column's type. Every method returns null when the value
/// was staged (or was null, which stages nothing) and otherwise the reason it could not be converted, without location.
/// </summary>
internal static class ValueCoercion
{
    public static string? Stage(TableSink sink, int column, byte priority, in JsonValue value, ScratchSet scratch, int maxFieldBytes)
    {
        if (value.IsNull) return null;
        if (value.Bytes.Length > maxFieldBytes) return TooLong(value.Bytes.Length, maxFieldBytes);
        var builder = sink.Builder;
        var type = sink.TypeOf(column);
        switch (type)
        {
            case KqlType.String:
                ReadOnlySpan<byte> text = value.Kind switch
                {
                    JsonTokenType.String => value.Unescaped(scratch.Unescape),
                    JsonTokenType.True => "true"u8,
                    JsonTokenType.False => "false"u8,
                    JsonTokenType.Number => value.Bytes,
                    _ => value.IsCompact ? value.Bytes : CompactJson.Of(value.Bytes, scratch.Compact),
                };
                if (text.IsEmpty || !sink.Claim(column, priority)) return null;
                builder.SetStringUtf8(column, text);
                return null;
            case KqlType.Dynamic:
                if (value.Kind == JsonTokenType.String)
                    return StageText(sink, column, priority, value.Unescaped(scratch.Unescape), scratch, maxFieldBytes, value.Token);
                if (!sink.Claim(column, priority)) return null;
                builder.SetDynamicJson(column, value.IsContainer && !value.IsCompact ? CompactJson.Of(value.Bytes, scratch.Compact) : value.Bytes);
                return null;
        }
        return value.Kind switch
        {
            JsonTokenType.StartObject => $"an object is not a {type.Name()}",
            JsonTokenType.StartArray => $"an array is not a {type.Name()}",
            JsonTokenType.True or JsonTokenType.False when type != KqlType.Bool => $"a boolean is not a {type.Name()}",
            JsonTokenType.String => StageText(sink, column, priority, value.Unescaped(scratch.Unescape), scratch, maxFieldBytes),
            _ => StageText(sink, column, priority, value.Bytes, scratch, maxFieldBytes),
        };
    }

    /// <summary>Stages text (a CSV cell, a JSON string's contents). Empty text is null for every type but string.</summary>
    public static string? StageText(
        TableSink sink, int column, byte priority, ReadOnlySpan<byte> text, ScratchSet scratch, int maxFieldBytes,
        ReadOnlySpan<byte> jsonStringToken = default)
    {
        if (text.Length > maxFieldBytes) return TooLong(text.Length, maxFieldBytes);
        var builder = sink.Builder;
        var type = sink.TypeOf(column);
        if (type == KqlType.String)
        {
            if (text.IsEmpty || !sink.Claim(column, priority)) return null;
            builder.SetStringUtf8(column, text);
            return null;
        }
        var trimmed = text.Trim(" \t\r\n"u8);
        if (trimmed.IsEmpty) return null;
        switch (type)
        {
            case KqlType.Dynamic:
                if (!sink.Claim(column, priority)) return null;
                if (trimmed[0] is (byte)'{' or (byte)'[' or (byte)'-' or (byte)'t' or (byte)'f' or (byte)'n' || (uint)(trimmed[0] - '0') <= 9)
                {
                    if (CompactJson.IsValid(trimmed))
                    {
                        builder.SetDynamicJson(column, CompactJson.Of(trimmed, scratch.Compact));
                        return null;
                    }
                }
                builder.SetDynamicJson(column, jsonStringToken.IsEmpty ? JsonString(text) : jsonStringToken);
                return null;
            case KqlType.Bool:
                bool? b = trimmed.Length switch
                {
                    1 when trimmed[0] == '1' => true,
                    1 when trimmed[0] == '0' => false,
                    4 when Ascii.EqualsIgnoreCase(trimmed, "true"u8) => true,
                    5 when Ascii.EqualsIgnoreCase(trimmed, "false"u8) => false,
                    _ => null,
                };
                if (b is null) return Cannot(text, type);
                if (sink.Claim(column, priority)) builder.SetBool(column, b.Value);
                return null;
            case KqlType.Int:
                if (!TryLong(trimmed, out var i) || i is < int.MinValue or > int.MaxValue) return Cannot(text, type);
                if (sink.Claim(column, priority)) builder.SetInt(column, (int)i);
                return null;
            case KqlType.Long:
                if (!TryLong(trimmed, out var l)) return Cannot(text, type);
                if (sink.Claim(column, priority)) builder.SetLong(column, l);
                return null;
            case KqlType.Real:
                if (!TryDouble(trimmed, out var d)) return Cannot(text, type);
                if (sink.Claim(column, priority)) builder.SetReal(column, d);
                return null;
            case KqlType.Decimal:
                if (!Utf8Parser.TryParse(trimmed, out decimal m, out var mc) || mc != trimmed.Length) return Cannot(text, type);
                if (sink.Claim(column, priority)) builder.SetDecimal(column, m);
                return null;
            case KqlType.DateTime:
                if (!DateTimeText.TryParse(trimmed, out var dt)) return Cannot(text, type);
                if (sink.Claim(column, priority)) sink.StageDateTime(column, dt);
                return null;
            case KqlType.TimeSpan:
                if (!TimeSpan.TryParse(Encoding.UTF8.GetString(trimmed), CultureInfo.InvariantCulture, out var ts)) return Cannot(text, type);
                if (sink.Claim(column, priority)) builder.SetTimeSpan(column, ts);
                return null;
            case KqlType.Guid:
                if (!Utf8Parser.TryParse(trimmed, out Guid g, out var gc) || gc != trimmed.Length)
                {
                    if (!Guid.TryParse(Encoding.UTF8.GetString(trimmed), out g)) return Cannot(text, type);
                }
                if (sink.Claim(column, priority)) builder.SetGuid(column, g);
                return null;
            default:
                return $"no conversion to {type.Name()}";
        }
    }

    private static bool TryLong(ReadOnlySpan<byte> s, out long value)
    {
        if (Utf8Parser.TryParse(s, out value, out var n) && n == s.Length) return true;
        // Pandas and some exports write integers as "443.0".
        if (TryDouble(s, out var d) && d == Math.Floor(d) && d is >= long.MinValue and <= long.MaxValue)
        {
            value = (long)d;
            return true;
        }
        return false;
    }

    private static bool TryDouble(ReadOnlySpan<byte> s, out double value)
    {
        if (Utf8Parser.TryParse(s, out value, out var n) && n == s.Length) return true;
        return double.TryParse(Encoding.UTF8.GetString(s), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static byte[] JsonString(ReadOnlySpan<byte> text)
    {
        var encoded = JsonEncodedText.Encode(text, JavaScriptEncoder.UnsafeRelaxedJsonEscaping).EncodedUtf8Bytes;
        var result = new byte[encoded.Length + 2];
        result[0] = (byte)'"';
        encoded.CopyTo(result.AsSpan(1));
        result[^1] = (byte)'"';
        return result;
    }

    public static string Preview(ReadOnlySpan<byte> text)
    {
        var s = Encoding.UTF8.GetString(text[..Math.Min(text.Length, 80)]);
        return text.Length > 80 ? s + "…" : s;
    }

    private static string Cannot(ReadOnlySpan<byte> text, KqlType type) => $"cannot read '{Preview(text)}' as {type.Name()}";

    private static string TooLong(int length, int max) => $"a value of {length:N0} bytes is over the field limit of {max:N0} bytes";
}
