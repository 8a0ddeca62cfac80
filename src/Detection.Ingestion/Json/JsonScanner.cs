using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text.Json;
using System.Text.Unicode;
using Detection.Ingestion.Coercion;

namespace Detection.Ingestion.Json;

internal enum ScanStatus : byte
{
    Ok,

    /// <summary>The input ends inside the value (more input may complete it).</summary>
    End,

    /// <summary>
    /// Something the scanner does not read: malformed JSON, an escaped field name, invalid UTF-8, nesting deeper than
    /// <see cref="JsonScanner.MaxDepth"/>. The caller reads the input again with <see cref="Utf8JsonReader"/>, which decides.
    /// </summary>
    Declined,
}

/// <summary>
/// A forward-only scanner over the JSON of export records, for the hot path. It accepts a strict subset of what
/// <see cref="Utf8JsonReader"/> accepts with its default options (RFC 8259 without comments or trailing commas, UTF-8
/// checked, shallower nesting) and declines everything else, so that <see cref="Utf8JsonReader"/> stays the judge of bad
/// input and the author of its messages. It is cheaper because it keeps no token state: the caller knows the shape it
/// expects (an object of fields) and asks for exactly that, and values it does not look into are skipped byte by byte.
/// </summary>
internal ref struct JsonScanner(ReadOnlySpan<byte> json)
{
    /// <summary>Deeper nesting is declined (<see cref="Utf8JsonReader"/>'s default limit is 64).</summary>
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _json = json;
    private int _pos;
    private int _depth;

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _pos;

    /// <summary>Skips whitespace and enters the object that must follow.</summary>
    public ScanStatus StartObject()
    {
        if (!SkipWhitespace()) return ScanStatus.End;
        if (_json[_pos] != '{') return ScanStatus.Declined;
        if (++_depth > MaxDepth) return ScanStatus.Declined;
        _pos++;
        return ScanStatus.Ok;
    }

    /// <summary>True when the next value (after whitespace) starts with <paramref name="c"/>.</summary>
    public bool NextIs(byte c) => SkipWhitespace() && _json[_pos] == c;

    /// <summary>
    /// After <see cref="StartObject"/> (<paramref name="first"/>) or after a field's value: the next field's name, read
    /// through its colon, or <paramref name="end"/> at the object's closing brace (consumed).
    /// </summary>
    public ScanStatus NextField(bool first, out ReadOnlySpan<byte> name, out bool end) =>
        NextField(first, default, out name, out end, out _);

    /// <summary>
    /// As <see cref="NextField(bool, out ReadOnlySpan{byte}, out bool)"/>; when the name is <paramref name="predicted"/>
    /// (JSON text without quotes, backslashes or control characters), it is matched in place rather than scanned, and
    /// <paramref name="wasPredicted"/> says so.
    /// </summary>
    public ScanStatus NextField(bool first, ReadOnlySpan<byte> predicted, out ReadOnlySpan<byte> name, out bool end, out bool wasPredicted)
    {
        name = default;
        end = false;
        wasPredicted = false;
        if (!SkipWhitespace()) return ScanStatus.End;
        var c = _json[_pos];
        if (c == '}')
        {
            // "{}" closes at once; after a field, the brace ends the object; "{a:1,}" was caught at the comma.
            _pos++;
            _depth--;
            end = true;
            return ScanStatus.Ok;
        }
        if (!first)
        {
            if (c != ',') return ScanStatus.Declined;
            _pos++;
            if (!SkipWhitespace()) return ScanStatus.End;
        }
        if (_json[_pos] != '"') return ScanStatus.Declined;
        int start, length;
        var afterQuote = _json[(_pos + 1)..];
        if (!predicted.IsEmpty && afterQuote.Length > predicted.Length && afterQuote[predicted.Length] == '"' && afterQuote.StartsWith(predicted))
        {
            start = _pos + 1;
            length = predicted.Length;
            _pos = start + length + 1;
            wasPredicted = true;
        }
        else
        {
            var status = ScanString(out start, out length, out var escaped);
            if (status != ScanStatus.Ok) return status;
            if (escaped) return ScanStatus.Declined;
        }
        if (!SkipWhitespace()) return ScanStatus.End;
        if (_json[_pos] != ':') return ScanStatus.Declined;
        _pos++;
        name = _json.Slice(start, length);
        return ScanStatus.Ok;
    }

    /// <summary>True when the next value (after whitespace) is the string <paramref name="contents"/>, written without escapes.</summary>
    public bool NextIsString(ReadOnlySpan<byte> contents)
    {
        if (!SkipWhitespace()) return false;
        var rest = _json[_pos..];
        return rest.Length > contents.Length + 1 && rest[0] == '"' && rest[contents.Length + 1] == '"' && rest[1..].StartsWith(contents);
    }

    /// <summary>
    /// At a string value (<see cref="NextIs"/> a quote): its contents (escapes unresolved), with its whole token in
    /// <paramref name="token"/>. The same as <see cref="ReadValue"/> on a string, for the callers that expect strings.
    /// </summary>
    public ScanStatus ReadString(out ReadOnlySpan<byte> contents, out bool escaped, out ReadOnlySpan<byte> token)
    {
        var quote = _pos;
        var status = ScanString(out var start, out var length, out escaped);
        contents = status == ScanStatus.Ok ? _json.Slice(start, length) : default;
        token = status == ScanStatus.Ok ? _json[quote.._pos] : default;
        return status;
    }

    /// <summary>
    /// When the value that follows is <paramref name="recent"/>'s container again, byte for byte, consumes it and returns
    /// it; otherwise consumes nothing but whitespace.
    /// </summary>
    public bool TryRepeat(RecentContainer recent, out JsonValue value)
    {
        value = default;
        var raw = recent.Bytes;
        if (raw.IsEmpty || !SkipWhitespace() || !_json[_pos..].StartsWith(raw)) return false;
        value = JsonValue.Container(raw[0] == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray, _json.Slice(_pos, raw.Length), recent.IsCompact);
        _pos += raw.Length;
        return true;
    }

    /// <summary>Reads the value that follows (after whitespace); an object or array is skipped whole and returned as raw text.</summary>
    public ScanStatus ReadValue(out JsonValue value)
    {
        value = default;
        if (!SkipWhitespace()) return ScanStatus.End;
        var start = _pos;
        var c = _json[start];
        ScanStatus status;
        switch (c)
        {
            case (byte)'"':
                status = ScanString(out var contentStart, out var length, out var escaped);
                if (status == ScanStatus.Ok)
                    value = JsonValue.String(_json.Slice(contentStart, length), escaped, _json[start.._pos]);
                return status;
            case (byte)'{' or (byte)'[':
                var compact = true;
                status = SkipContainer(_depth + 1, ref compact);
                if (status == ScanStatus.Ok)
                    value = JsonValue.Container(c == '{' ? JsonTokenType.StartObject : JsonTokenType.StartArray, _json[start.._pos], compact);
                return status;
            case (byte)'t':
                status = ScanLiteral("true"u8);
                if (status == ScanStatus.Ok) value = JsonValue.Scalar(JsonTokenType.True, _json[start.._pos]);
                return status;
            case (byte)'f':
                status = ScanLiteral("false"u8);
                if (status == ScanStatus.Ok) value = JsonValue.Scalar(JsonTokenType.False, _json[start.._pos]);
                return status;
            case (byte)'n':
                status = ScanLiteral("null"u8);
                if (status == ScanStatus.Ok) value = JsonValue.Scalar(JsonTokenType.Null, _json[start.._pos]);
                return status;
            default:
                status = ScanNumber();
                if (status == ScanStatus.Ok) value = JsonValue.Scalar(JsonTokenType.Number, _json[start.._pos]);
                return status;
        }
    }

    /// <summary>At <c>{</c> or <c>[</c>: skips the container, clearing <paramref name="compact"/> on whitespace outside strings.</summary>
    private ScanStatus SkipContainer(int depth, ref bool compact)
    {
        if (depth > MaxDepth) return ScanStatus.Declined;
        var isObject = _json[_pos] == '{';
        var close = isObject ? (byte)'}' : (byte)']';
        _pos++;
        if (!SkipWhitespace(ref compact)) return ScanStatus.End;
        if (_json[_pos] == close)
        {
            _pos++;
            return ScanStatus.Ok;
        }
        while (true)
        {
            ScanStatus status;
            if (isObject)
            {
                if (_json[_pos] != '"') return ScanStatus.Declined;
                status = ScanString(out _, out _, out _);
                if (status != ScanStatus.Ok) return status;
                if (!SkipWhitespace(ref compact)) return ScanStatus.End;
                if (_json[_pos] != ':') return ScanStatus.Declined;
                _pos++;
                if (!SkipWhitespace(ref compact)) return ScanStatus.End;
            }
            var c = _json[_pos];
            status = c switch
            {
                (byte)'"' => ScanString(out _, out _, out _),
                (byte)'{' or (byte)'[' => SkipContainer(depth + 1, ref compact),
                (byte)'t' => ScanLiteral("true"u8),
                (byte)'f' => ScanLiteral("false"u8),
                (byte)'n' => ScanLiteral("null"u8),
                _ => ScanNumber(),
            };
            if (status != ScanStatus.Ok) return status;
            if (!SkipWhitespace(ref compact)) return ScanStatus.End;
            c = _json[_pos];
            if (c == close)
            {
                _pos++;
                return ScanStatus.Ok;
            }
            if (c != ',') return ScanStatus.Declined;
            _pos++;
            if (!SkipWhitespace(ref compact)) return ScanStatus.End;
            if (_json[_pos] == close) return ScanStatus.Declined; // a trailing comma
        }
    }

    /// <summary>At a quote: the string's contents (between the quotes, escapes unresolved), checked as JSON and UTF-8.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ScanStatus ScanString(out int start, out int length, out bool escaped)
    {
        start = _pos + 1;
        var end = IndexOfSpecial(_json, start);
        if (end >= 0 && _json[end] == '"')
        {
            // Plain ASCII without escapes: nearly every string of a log record.
            length = end - start;
            escaped = false;
            _pos = end + 1;
            return ScanStatus.Ok;
        }
        return ScanStringFrom(end, out length, out escaped);
    }

    /// <summary>The rest of <see cref="ScanString"/> from <paramref name="i"/>, the first special byte (-1: none before the end).</summary>
    private ScanStatus ScanStringFrom(int i, out int length, out bool escaped)
    {
        var start = _pos + 1;
        length = 0;
        escaped = false;
        var nonAscii = false;
        while (true)
        {
            if (i < 0) return ScanStatus.End;
            var c = _json[i];
            if (c == '"') break;
            if (c >= 0x80)
            {
                nonAscii = true;
                i++;
            }
            else if (c == '\\')
            {
                if (i + 1 >= _json.Length) return ScanStatus.End;
                escaped = true;
                switch (_json[i + 1])
                {
                    case (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t':
                        i += 2;
                        break;
                    case (byte)'u':
                        if (i + 6 > _json.Length) return ScanStatus.End;
                        for (var k = i + 2; k < i + 6; k++)
                            if (!char.IsAsciiHexDigit((char)_json[k])) return ScanStatus.Declined;
                        // \uD800–\uDFFF: surrogates, which may be lone or misordered; Utf8JsonReader judges those.
                        if ((_json[i + 2] | 0x20) == 'd' && (_json[i + 3] | 0x20) >= '8') return ScanStatus.Declined;
                        i += 6;
                        break;
                    default:
                        return ScanStatus.Declined;
                }
            }
            else
            {
                return ScanStatus.Declined; // a control character
            }
            i = IndexOfSpecial(_json, i);
        }
        length = i - start;
        if (nonAscii && !Utf8.IsValid(_json.Slice(start, length))) return ScanStatus.Declined;
        _pos = i + 1;
        return ScanStatus.Ok;
    }

    /// <summary>
    /// The index (from <paramref name="i"/>) of the first byte that ends a plain run of string contents: a quote, a
    /// backslash, a control character or a non-ASCII byte; -1 when there is none. Strings here are short (ids, names), so
    /// a vector compare inline costs less than a call to a general search.
    /// </summary>
    private static int IndexOfSpecial(ReadOnlySpan<byte> json, int i)
    {
        ref var start = ref MemoryMarshal.GetReference(json);
        if (Vector256.IsHardwareAccelerated)
        {
            for (; i + Vector256<byte>.Count <= json.Length; i += Vector256<byte>.Count)
            {
                var v = Vector256.LoadUnsafe(ref start, (nuint)i);
                // As signed bytes, control characters (< 0x20) and non-ASCII bytes (>= 0x80) are both below 0x20.
                var special = Vector256.Equals(v, Vector256.Create((byte)'"')) | Vector256.Equals(v, Vector256.Create((byte)'\\'))
                    | Vector256.LessThan(v.AsSByte(), Vector256.Create((sbyte)0x20)).AsByte();
                if (special != Vector256<byte>.Zero) return i + BitOperations.TrailingZeroCount(special.ExtractMostSignificantBits());
            }
        }
        if (Vector128.IsHardwareAccelerated)
        {
            for (; i + Vector128<byte>.Count <= json.Length; i += Vector128<byte>.Count)
            {
                var v = Vector128.LoadUnsafe(ref start, (nuint)i);
                var special = Vector128.Equals(v, Vector128.Create((byte)'"')) | Vector128.Equals(v, Vector128.Create((byte)'\\'))
                    | Vector128.LessThan(v.AsSByte(), Vector128.Create((sbyte)0x20)).AsByte();
                if (special != Vector128<byte>.Zero) return i + BitOperations.TrailingZeroCount(special.ExtractMostSignificantBits());
            }
        }
        for (; i < json.Length; i++)
        {
            var c = json[i];
            if (c is (byte)'"' or (byte)'\\' or < 0x20 or >= 0x80) return i;
        }
        return -1;
    }

    private ScanStatus ScanLiteral(ReadOnlySpan<byte> literal)
    {
        var rest = _json[_pos..];
        if (rest.Length < literal.Length) return literal.StartsWith(rest) ? ScanStatus.End : ScanStatus.Declined;
        if (!rest.StartsWith(literal)) return ScanStatus.Declined;
        _pos += literal.Length;
        return AfterScalar();
    }

    /// <summary>-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?</summary>
    private ScanStatus ScanNumber()
    {
        var json = _json;
        var i = _pos;
        if (json[i] == '-' && ++i == json.Length) return ScanStatus.End;
        if (json[i] == '0')
        {
            i++;
        }
        else if (IsDigit(json[i]))
        {
            while (++i < json.Length && IsDigit(json[i])) { }
        }
        else
        {
            return ScanStatus.Declined;
        }
        if (i < json.Length && json[i] == '.')
        {
            if (++i == json.Length) return ScanStatus.End;
            if (!IsDigit(json[i])) return ScanStatus.Declined;
            while (++i < json.Length && IsDigit(json[i])) { }
        }
        if (i < json.Length && json[i] is (byte)'e' or (byte)'E')
        {
            if (++i == json.Length) return ScanStatus.End;
            if (json[i] is (byte)'+' or (byte)'-' && ++i == json.Length) return ScanStatus.End;
            if (!IsDigit(json[i])) return ScanStatus.Declined;
            while (++i < json.Length && IsDigit(json[i])) { }
        }
        _pos = i;
        return AfterScalar();
    }

    /// <summary>A number or literal must be followed by whitespace or a structural character (the input may also end there).</summary>
    private readonly ScanStatus AfterScalar()
    {
        if (_pos == _json.Length) return ScanStatus.End;
        return _json[_pos] is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'
            ? ScanStatus.Ok
            : ScanStatus.Declined;
    }

    private static bool IsDigit(byte c) => (uint)(c - '0') <= 9;

    /// <summary>False when the input ends first.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SkipWhitespace()
    {
        if (_pos < _json.Length && _json[_pos] > ' ') return true;
        var compact = true;
        return SkipSomeWhitespace(ref compact);
    }

    /// <summary>As <see cref="SkipWhitespace()"/>, clearing <paramref name="compact"/> when there was whitespace.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool SkipWhitespace(ref bool compact) => (_pos < _json.Length && _json[_pos] > ' ') || SkipSomeWhitespace(ref compact);

    // Compact input, the common case, has no whitespace: the check above is inlined, the loop is not.
    private bool SkipSomeWhitespace(ref bool compact)
    {
        var json = _json;
        var i = _pos;
        while (i < json.Length && json[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i != _pos) compact = false;
        _pos = i;
        return i < json.Length;
    }
}
