using System.Runtime.CompilerServices;
using System.Text.Json;

namespace Detection.Ingestion.Coercion;

/// <summary>
/// One JSON value read from a record, detached from the reader so that it can feed several columns: the token kind,
/// its bytes (string contents without quotes, number text, or the whole raw object/array), and whether the string holds escapes.
/// </summary>
internal readonly ref struct JsonValue
{
    private JsonValue(JsonTokenType kind, ReadOnlySpan<byte> bytes, bool escaped, ReadOnlySpan<byte> token, bool isCompact = false)
    {
        Kind = kind;
        Bytes = bytes;
        Escaped = escaped;
        Token = token;
        IsCompact = isCompact;
    }

    /// <summary>A string: its contents between the quotes (escapes unresolved) and its whole token.</summary>
    public static JsonValue String(ReadOnlySpan<byte> contents, bool escaped, ReadOnlySpan<byte> token) =>
        new(JsonTokenType.String, contents, escaped, token);

    /// <summary>An object or array as its raw text.</summary>
    public static JsonValue Container(JsonTokenType kind, ReadOnlySpan<byte> raw, bool isCompact) => new(kind, raw, false, raw, isCompact);

    /// <summary>A number or literal as its text.</summary>
    public static JsonValue Scalar(JsonTokenType kind, ReadOnlySpan<byte> text) => new(kind, text, false, text);

    public JsonTokenType Kind { get; }

    public ReadOnlySpan<byte> Bytes { get; }

    public bool Escaped { get; }

    /// <summary>The value's raw JSON text (for a string, with its quotes and escapes).</summary>
    public ReadOnlySpan<byte> Token { get; }

    /// <summary>True when a container is known to hold no insignificant whitespace (false means unknown).</summary>
    public bool IsCompact { get; }

    public bool IsNull => Kind is JsonTokenType.Null or JsonTokenType.None;

    public bool IsContainer => Kind is JsonTokenType.StartObject or JsonTokenType.StartArray;

    /// <summary>Reads the value the reader is on (a container is skipped to its end); <paramref name="source"/> is the reader's input.</summary>
    public static JsonValue Read(ref Utf8JsonReader reader, ReadOnlySpan<byte> source)
    {
        if (!TryRead(ref reader, source, out var value)) throw new InvalidOperationException("the value is incomplete");
        return value;
    }

    /// <summary>
    /// Skips the value the reader is on; false when the (non-final) input ends inside it, after which the reader must be
    /// abandoned (every caller starts the record again with more input). Not <see cref="Utf8JsonReader.TrySkip"/>: on
    /// partial input it copies the whole reader state first, which costs more than the skip itself.
    /// </summary>
    public static bool TrySkip(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) return true;
        var depth = reader.CurrentDepth;
        do
        {
            if (!reader.Read()) return false;
        }
        while (reader.CurrentDepth > depth);
        return true;
    }

    /// <summary>
    /// As <see cref="TrySkip"/> for a container, also telling whether it holds insignificant whitespace, from the gaps
    /// between the tokens the skip reads anyway: this spares a second pass over the value to compact it.
    /// </summary>
    private static bool TrySkipNotingWhitespace(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, out bool compact)
    {
        var depth = reader.CurrentDepth;
        var end = (int)reader.BytesConsumed;
        compact = true;
        do
        {
            if (!reader.Read()) return false;
            var start = (int)reader.TokenStartIndex;
            var gap = start - end;
            if (gap != 0 && (gap != 1 || source[end] != (byte)',')) compact = false;
            end = (int)reader.BytesConsumed;
            // A property name's token runs through its colon, and any whitespace before the colon hides in it.
            if (reader.TokenType == JsonTokenType.PropertyName && end != start + reader.ValueSpan.Length + 3) compact = false;
        }
        while (reader.CurrentDepth > depth);
        return true;
    }

    /// <summary>As <see cref="Read"/>; false when the reader's (non-final) input ends inside the value.</summary>
    public static bool TryRead(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, out JsonValue value)
    {
        var kind = reader.TokenType;
        if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray)
        {
            var start = (int)reader.TokenStartIndex;
            if (!TrySkipNotingWhitespace(ref reader, source, out var compact))
            {
                value = default;
                return false;
            }
            value = Container(kind, source[start..(int)reader.BytesConsumed], compact);
            return true;
        }
        if (kind == JsonTokenType.String)
        {
            var start = (int)reader.TokenStartIndex;
            value = String(reader.ValueSpan, reader.ValueIsEscaped, source.Slice(start, reader.ValueSpan.Length + 2));
            return true;
        }
        value = Scalar(kind, reader.ValueSpan);
        return true;
    }

    /// <summary>The string's UTF-8 contents with escapes resolved (the bytes themselves when there are none).</summary>
    public ReadOnlySpan<byte> Unescaped(Scratch scratch) => Escaped ? Unescape(scratch) : Bytes;

    // Apart, so that the common case does not pay for the reader's large frame.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ReadOnlySpan<byte> Unescape(Scratch scratch)
    {
        var reader = new Utf8JsonReader(Token, isFinalBlock: true, state: default);
        reader.Read();
        var buffer = scratch.Get(Bytes.Length);
        var n = reader.CopyString(buffer);
        return buffer[..n];
    }
}
