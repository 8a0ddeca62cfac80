using System.Text.Json;
using Detection.Ingestion.Input;

namespace Detection.Ingestion.Json;

internal enum CaptureStatus
{
    Ok,
    Malformed,
    Truncated,
    TooLarge,
}

internal enum ResyncResult
{
    /// <summary>Positioned on the next record of the same array (after <c>},</c>).</summary>
    NextInArray,

    /// <summary>Positioned on a line that starts a new top-level value.</summary>
    NextLine,

    EndOfFile,
}

/// <summary>
/// The byte-level framing of JSON inputs: one complete value at a time is captured into the reader's buffer (a fresh
/// <see cref="Utf8JsonReader"/> per value, so an error in one value cannot poison the next), and after an error the
/// stream is resynchronised on the next record boundary.
/// </summary>
internal static class JsonFraming
{
    /// <summary>
    /// Makes the complete JSON value at the reader's position available as its first <paramref name="length"/> bytes.
    /// Each retry re-scans the value from its start, but the buffer doubles between retries, so the work stays linear.
    /// </summary>
    public static CaptureStatus Capture(ByteReader input, out int length, out string error)
    {
        length = 0;
        error = "";
        while (true)
        {
            switch (TryComplete(input.Span, isFinalBlock: false, out length, out var exception))
            {
                case true:
                    return CaptureStatus.Ok;
                case false when exception is not null:
                    error = Describe(exception, input);
                    return CaptureStatus.Malformed;
            }
            if (input.Fill()) continue;
            if (input.IsFull)
            {
                error = "the value is larger than the record limit";
                return CaptureStatus.TooLarge;
            }
            // The end of the input: a value that is still a valid prefix is truncated, unless it is complete as final
            // (a number at the very end needs the final block to end).
            if (TryComplete(input.Span, isFinalBlock: true, out length, out _)) return CaptureStatus.Ok;
            error = "the input ends inside this value";
            return CaptureStatus.Truncated;
        }
    }

    /// <summary>True: complete; false with an exception: malformed; false without: more bytes needed.</summary>
    public static bool TryComplete(ReadOnlySpan<byte> span, bool isFinalBlock, out int length, out JsonException? exception)
    {
        length = 0;
        exception = null;
        var reader = new Utf8JsonReader(span, isFinalBlock, state: default);
        try
        {
            if (!reader.Read()) return false;
            if (!Coercion.JsonValue.TrySkip(ref reader)) return false;
            length = (int)reader.BytesConsumed;
            return true;
        }
        catch (JsonException ex)
        {
            exception = ex;
            return false;
        }
    }

    /// <summary>
    /// Skips past a bad value: to the next <c>}</c>,<c>{</c> boundary inside an array (when <paramref name="inArray"/>),
    /// or to the next line that starts with <c>{</c> or <c>[</c>, whichever comes first.
    /// </summary>
    public static ResyncResult Resync(ByteReader input, bool inArray)
    {
        input.Advance(Math.Min(1, input.Length));
        while (true)
        {
            var span = input.Span;
            var i = 0;
            var needMore = false;
            while (i < span.Length)
            {
                var k = inArray ? span[i..].IndexOfAny((byte)'}', (byte)'\n') : span[i..].IndexOf((byte)'\n');
                if (k < 0)
                {
                    i = span.Length;
                    break;
                }
                i += k;
                var j = SkipWs(span, i + 1);
                if (j >= span.Length && !input.IsEof)
                {
                    needMore = true;
                    break;
                }
                if (span[i] == '\n')
                {
                    if (j < span.Length && span[j] is (byte)'{' or (byte)'[')
                    {
                        // Inside an array a new line may just be pretty-printing: look back for "},".
                        if (inArray && PrecededByRecordEnd(span, i))
                        {
                            input.Advance(j);
                            return ResyncResult.NextInArray;
                        }
                        input.Advance(j);
                        return ResyncResult.NextLine;
                    }
                }
                else if (j < span.Length && span[j] == ',')
                {
                    var m = SkipWs(span, j + 1);
                    if (m >= span.Length && !input.IsEof)
                    {
                        needMore = true;
                        break;
                    }
                    if (m < span.Length && span[m] == '{')
                    {
                        input.Advance(m);
                        return ResyncResult.NextInArray;
                    }
                }
                i++;
            }
            input.Advance(i);
            if (input.Fill()) continue;
            // With no more data to come, the tail kept for look-ahead is scanned once more as final.
            if (needMore && input.IsEof && input.Length > 0) continue;
            input.Advance(input.Length);
            return ResyncResult.EndOfFile;
        }
    }

    private static bool PrecededByRecordEnd(ReadOnlySpan<byte> span, int newline)
    {
        var i = newline - 1;
        while (i >= 0 && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r') i--;
        if (i < 0 || span[i] != ',') return false;
        i--;
        while (i >= 0 && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i--;
        return i >= 0 && span[i] == '}';
    }

    private static int SkipWs(ReadOnlySpan<byte> span, int i)
    {
        while (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i;
    }

    private static string Describe(JsonException ex, ByteReader input)
    {
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        var line = input.LineAt(0) + (ex.LineNumber ?? 0);
        return $"malformed JSON at line {line}, byte {(ex.BytePositionInLine ?? 0) + 1} of the line: {message.TrimEnd('.')}";
    }
}
