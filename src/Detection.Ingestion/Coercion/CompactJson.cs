using System.Buffers;
using System.Text.Json;

namespace Detection.Ingestion.Coercion;

/// <summary>Compact JSON text for dynamic values: copied as is when already compact, otherwise stripped of insignificant whitespace.</summary>
internal static class CompactJson
{
    private static readonly SearchValues<byte> QuoteOrWhitespace = SearchValues.Create("\" \t\r\n"u8);

    /// <summary>The compact form of <paramref name="json"/>, which must be valid JSON (the reader has validated it).</summary>
    public static ReadOnlySpan<byte> Of(ReadOnlySpan<byte> json, Scratch scratch)
    {
        var first = FirstInsignificantWhitespace(json);
        if (first < 0) return json;
        var output = scratch.Get(json.Length);
        json[..first].CopyTo(output);
        var n = first;
        var inString = false;
        var escaped = false;
        for (var i = first; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                output[n++] = c;
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            }
            else if (c is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                output[n++] = c;
                if (c == '"') inString = true;
            }
        }
        return output[..n];
    }

    /// <summary>The index of the first whitespace outside strings, or -1; jumps from string to string with vectorised searches.</summary>
    private static int FirstInsignificantWhitespace(ReadOnlySpan<byte> json)
    {
        var i = 0;
        while (i < json.Length)
        {
            var k = json[i..].IndexOfAny(QuoteOrWhitespace);
            if (k < 0) return -1;
            i += k;
            if (json[i] != '"') return i;
            // Inside a string: find its closing quote, stepping over escapes.
            i++;
            while (true)
            {
                var q = json[i..].IndexOfAny((byte)'"', (byte)'\\');
                if (q < 0) return -1;
                i += q;
                if (json[i] == '"')
                {
                    i++;
                    break;
                }
                i += 2;
            }
        }
        return -1;
    }

    /// <summary>True when <paramref name="text"/> is one complete JSON value (used for JSON held in strings and CSV cells).</summary>
    public static bool IsValid(ReadOnlySpan<byte> text)
    {
        try
        {
            var reader = new Utf8JsonReader(text, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
            if (!reader.Read()) return false;
            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
