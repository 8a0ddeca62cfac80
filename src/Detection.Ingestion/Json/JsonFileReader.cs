using System.Text.Json;
using Detection.Ingestion.Export;
using Detection.Ingestion.Input;
using Detection.Ingestion.Output;
using Detection.Ingestion.Rows;

namespace Detection.Ingestion.Json;

/// <summary>
/// Reads a JSON input of any of the supported shapes, value by value: an export body <c>{"records":[…]}</c> (streamed
/// record by record, however long the line), one body per line, JSON lines or a JSON array of Log Analytics rows, bare
/// export records one per line, or a mix of these.
/// </summary>
internal sealed class JsonFileReader(LoadContext context, ByteReader input, string file, ExportRecordReader records, JsonRowReader rows)
{
    private const int TopUpBelow = 16 << 10;

    private long _index;

    public void Run()
    {
        while (input.SkipWhitespace())
        {
            var c = input.Span[0];
            if (c == '[')
            {
                input.Advance(1);
                if (ReadArray(isRecordsArray: false) == ArrayEnd.EndOfFile) return;
            }
            else if (c == '{')
            {
                if (TryEnterRecordsArray())
                {
                    var end = ReadArray(isRecordsArray: true);
                    if (end == ArrayEnd.EndOfFile || (end == ArrayEnd.Closed && !FinishBody())) return;
                }
                else if (!ReadTopLevelValue())
                {
                    return;
                }
            }
            else
            {
                context.Reject(file, input.LineAt(0), null, $"unexpected '{(char)c}' where a JSON object or array should start");
                if (JsonFraming.Resync(input, inArray: false) == ResyncResult.EndOfFile) return;
            }
        }
    }

    /// <summary>At a <c>{</c>: when its first field is a <c>records</c> array, consumes up to the <c>[</c> and returns true.</summary>
    private bool TryEnterRecordsArray()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(input.Span, isFinalBlock: input.IsEof, state: default);
            try
            {
                if (reader.Read() && reader.Read())
                {
                    if (reader.TokenType != JsonTokenType.PropertyName || !RecordProbe.Is(reader.ValueSpan, "records"u8)) return false;
                    if (reader.Read())
                    {
                        if (reader.TokenType != JsonTokenType.StartArray) return false;
                        input.Advance((int)reader.BytesConsumed);
                        return true;
                    }
                }
            }
            catch (JsonException)
            {
                return false; // the capture that follows reports it with its location
            }
            if (!input.Fill()) return false;
        }
    }

    private enum ArrayEnd
    {
        Closed,
        AbandonedAtNextLine,
        EndOfFile,
    }

    /// <summary>Reads array elements up to the closing bracket, or until an error forces a jump to the next line or the end.</summary>
    private ArrayEnd ReadArray(bool isRecordsArray)
    {
        var kept = 0L;
        var expectValue = true;
        while (true)
        {
            if (!input.SkipWhitespace())
            {
                context.Reject(file, null, _index + 1,
                    $"truncated: the input ends before the {(isRecordsArray ? "records array" : "array")} is closed; the {kept} records before were kept");
                return ArrayEnd.EndOfFile;
            }
            var c = input.Span[0];
            if (c == ']')
            {
                input.Advance(1);
                return ArrayEnd.Closed;
            }
            if (!expectValue)
            {
                if (c == ',')
                {
                    input.Advance(1);
                    expectValue = true;
                    continue;
                }
                context.Reject(file, input.LineAt(0), _index + 1, $"malformed JSON: expected ',' or ']' after record {_index}, found '{(char)c}'");
                switch (JsonFraming.Resync(input, inArray: true))
                {
                    case ResyncResult.NextInArray: continue;
                    case ResyncResult.NextLine: return ArrayEnd.AbandonedAtNextLine;
                    default: return ArrayEnd.EndOfFile;
                }
            }
            var line = input.LineAt(0);
            var index = ++_index;
            if (isRecordsArray)
            {
                var end = ReadRecordInPlace(line, index, kept, out var wasRead);
                if (end is { } stop) return stop;
                if (wasRead)
                {
                    kept++;
                    expectValue = false;
                }
                continue;
            }
            var status = JsonFraming.Capture(input, out var length, out var error);
            switch (status)
            {
                case CaptureStatus.Ok:
                    var value = input.Memory[..length];
                    Dispatch(value, line, index);
                    input.Advance(length);
                    kept++;
                    expectValue = false;
                    continue;
                case CaptureStatus.Truncated:
                    context.Reject(file, line, index,
                        $"truncated: the input ends inside record {index}; the {kept} records before it in this array were kept",
                        input.Span[..Math.Min(input.Length, context.Options.MaxRawBytesInRejection)]);
                    input.Advance(input.Length);
                    return ArrayEnd.EndOfFile;
                default:
                    context.Reject(file, line, index, status == CaptureStatus.TooLarge
                        ? $"record {index} is larger than the record limit of {context.Options.MaxRecordBytes:N0} bytes"
                        : error);
                    switch (JsonFraming.Resync(input, inArray: true))
                    {
                        case ResyncResult.NextInArray: continue;
                        case ResyncResult.NextLine: return ArrayEnd.AbandonedAtNextLine;
                        default: return ArrayEnd.EndOfFile;
                    }
            }
        }
    }

    /// <summary>
    /// One record of a records array, mapped straight from the input buffer (refilled and retried when the record
    /// straddles the buffer's end). Null while the array goes on (after the record, or resynchronised on the next one).
    /// </summary>
    private ArrayEnd? ReadRecordInPlace(long line, long index, long kept, out bool wasRead)
    {
        wasRead = false;
        // Topping the buffer up before a record nears its end means a record is rarely mapped twice (a failed attempt
        // costs its time and leaves its strings in the chunk's dictionary). Only when little is left, though: a refill
        // first moves the unread bytes to the front of the buffer.
        if (!input.IsEof && input.Length < TopUpBelow) input.Fill();
        while (true)
        {
            var status = records.Read(input.Span, isFinal: false, line, index, out var consumed, out var malformed);
            if (status == RecordStatus.Done)
            {
                input.Advance(consumed);
                wasRead = true;
                return null;
            }
            if (status == RecordStatus.NeedMore)
            {
                if (input.Fill()) continue;
                if (input.IsFull)
                {
                    context.Reject(file, line, index, $"record {index} is larger than the record limit of {context.Options.MaxRecordBytes:N0} bytes");
                }
                else
                {
                    context.Reject(file, line, index,
                        $"truncated: the input ends inside record {index}; the {kept} records before it in this array were kept",
                        input.Span[..Math.Min(input.Length, context.Options.MaxRawBytesInRejection)]);
                    input.Advance(input.Length);
                    return ArrayEnd.EndOfFile;
                }
            }
            else
            {
                var position = malformed?.LineNumber is { } relative ? $" at line {line + relative}, byte {(malformed.BytePositionInLine ?? 0) + 1} of the line" : "";
                context.Reject(file, line, index, $"malformed JSON{position}: {ExportRecordReader.Message(malformed)}");
            }
            return JsonFraming.Resync(input, inArray: true) switch
            {
                ResyncResult.NextInArray => null,
                ResyncResult.NextLine => ArrayEnd.AbandonedAtNextLine,
                _ => ArrayEnd.EndOfFile,
            };
        }
    }

    /// <summary>After the records array: the rest of the body object (normally just <c>}</c>).</summary>
    private bool FinishBody()
    {
        while (true)
        {
            if (!input.SkipWhitespace())
            {
                context.Reject(file, null, null, "truncated: the input ends before the body object is closed (all its records were read)");
                return false;
            }
            var c = input.Span[0];
            if (c == '}')
            {
                input.Advance(1);
                return true;
            }
            if (c == ',')
            {
                input.Advance(1);
                // A further field of the body: "name" : value, both skipped.
                if (input.SkipWhitespace() && JsonFraming.Capture(input, out var nameLength, out _) == CaptureStatus.Ok)
                {
                    input.Advance(nameLength);
                    if (input.SkipWhitespace() && input.Span[0] == ':')
                    {
                        input.Advance(1);
                        if (input.SkipWhitespace() && JsonFraming.Capture(input, out var valueLength, out _) == CaptureStatus.Ok)
                        {
                            input.Advance(valueLength);
                            continue;
                        }
                    }
                }
            }
            context.Reject(file, input.LineAt(0), null, "malformed JSON after the records array of a body");
            return JsonFraming.Resync(input, inArray: false) != ResyncResult.EndOfFile;
        }
    }

    private bool ReadTopLevelValue()
    {
        var line = input.LineAt(0);
        var index = ++_index;
        var status = JsonFraming.Capture(input, out var length, out var error);
        switch (status)
        {
            case CaptureStatus.Ok:
                Dispatch(input.Memory[..length], line, index);
                input.Advance(length);
                return true;
            case CaptureStatus.Truncated:
                context.Reject(file, line, index, $"truncated: the input ends inside the value that starts on line {line}",
                    input.Span[..Math.Min(input.Length, context.Options.MaxRawBytesInRejection)]);
                return false;
            default:
                context.Reject(file, line, index, status == CaptureStatus.TooLarge
                    ? $"the value on line {line} is larger than the record limit of {context.Options.MaxRecordBytes:N0} bytes"
                    : error);
                return JsonFraming.Resync(input, inArray: false) != ResyncResult.EndOfFile;
        }
    }

    /// <summary>A complete top-level value (or array element): a body, an export record or a row.</summary>
    private void Dispatch(ReadOnlyMemory<byte> value, long line, long index)
    {
        var span = value.Span;
        RecordProbe probe;
        try
        {
            probe = RecordProbe.Of(span);
        }
        catch (InvalidOperationException ex)
        {
            // Its Type or category is a string the reader cannot decode (a lone surrogate escape).
            context.Reject(file, line, index, $"malformed JSON: {ex.Message}", span);
            return;
        }
        if (!probe.IsObject)
        {
            context.Reject(file, line, index, "not a JSON object (expected a record or a row)", span);
            return;
        }
        if (probe.HasRecordsArray)
        {
            _index--;
            DispatchBody(value, line);
            return;
        }
        var isRow = probe.HasTimeGenerated
            || (probe.Type is { } type && context.Options.Schemas.TableIgnoreCase(type) is not null)
            || probe.Category is null
            || !probe.HasTime;
        if (isRow) rows.Process(value, line, index, probe.Type);
        else records.Process(value, line, index);
    }

    private void DispatchBody(ReadOnlyMemory<byte> body, long line)
    {
        var span = body.Span;
        var reader = new Utf8JsonReader(span, isFinalBlock: true, state: default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isRecords = RecordProbe.Is(reader.ValueSpan, "records"u8);
            reader.Read();
            if (!isRecords || reader.TokenType != JsonTokenType.StartArray)
            {
                reader.Skip();
                continue;
            }
            var lastOffset = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                reader.Skip();
                line += span[lastOffset..start].Count((byte)'\n');
                lastOffset = start;
                records.Process(body[start..(int)reader.BytesConsumed], line, ++_index);
            }
        }
    }
}
