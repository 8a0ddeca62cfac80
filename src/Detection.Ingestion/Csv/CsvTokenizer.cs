using Detection.Ingestion.Input;

namespace Detection.Ingestion.Csv;

/// <summary>
/// RFC 4180 records from a byte stream: comma-separated, fields optionally in double quotes with <c>""</c> for a quote,
/// line breaks allowed inside quotes, CRLF or LF line ends. Field bytes are unescaped into one buffer per record.
/// </summary>
internal sealed class CsvTokenizer(ByteReader input, int maxRecordBytes)
{
    private readonly List<(int Start, int Length)> _fields = [];
    private byte[] _bytes = new byte[4096];
    private int _length;

    public int Count => _fields.Count;

    /// <summary>The 1-based line the current record starts on.</summary>
    public long Line { get; private set; }

    public ReadOnlySpan<byte> this[int field] => _bytes.AsSpan(_fields[field].Start, _fields[field].Length);

    /// <summary>Reads the next record; false at the end of the input. <paramref name="error"/> is set for a record that cannot be read.</summary>
    public bool Next(out string? error)
    {
        error = null;
        _fields.Clear();
        _length = 0;
        if (input.Length == 0 && !input.Fill()) return false;
        Line = input.LineAt(0);
        var inQuotes = false;
        var quotedField = false;
        var fieldStart = 0;
        while (true)
        {
            var span = input.Span;
            var i = 0;
            while (i < span.Length)
            {
                var c = span[i];
                if (inQuotes)
                {
                    if (c == '"')
                    {
                        if (i + 1 >= span.Length && !input.IsEof) break; // need the next byte to tell "" from "
                        if (i + 1 < span.Length && span[i + 1] == '"')
                        {
                            Append(c);
                            i += 2;
                            continue;
                        }
                        inQuotes = false;
                        i++;
                        continue;
                    }
                    Append(c);
                    i++;
                    continue;
                }
                if (c == ',')
                {
                    EndField(ref fieldStart);
                    quotedField = false;
                    i++;
                    continue;
                }
                if (c == '\n')
                {
                    input.Advance(i + 1);
                    EndRecord(ref fieldStart);
                    return true;
                }
                if (c == '"' && _length == fieldStart && !quotedField)
                {
                    inQuotes = quotedField = true;
                    i++;
                    continue;
                }
                if (c != '\r' || (i + 1 < span.Length && span[i + 1] != '\n')) Append(c);
                i++;
            }
            input.Advance(i);
            if (_length > maxRecordBytes)
            {
                error = $"the row is larger than the record limit of {maxRecordBytes:N0} bytes";
                input.SkipLine();
                return true;
            }
            if (input.Length > 0 && i == 0 && input.IsEof) input.Advance(input.Length);
            if (!input.Fill() && input.Length == 0)
            {
                if (inQuotes) error = "the file ends inside a quoted field";
                EndRecord(ref fieldStart);
                return true;
            }
        }
    }

    private void Append(byte c)
    {
        if (_length == _bytes.Length) Array.Resize(ref _bytes, _bytes.Length * 2);
        _bytes[_length++] = c;
    }

    private void EndField(ref int fieldStart)
    {
        _fields.Add((fieldStart, _length - fieldStart));
        fieldStart = _length;
    }

    private void EndRecord(ref int fieldStart)
    {
        EndField(ref fieldStart);
        // A trailing CR before a LF was already dropped; a lone CR at the very end of a field is dropped here too.
        var (start, length) = _fields[^1];
        if (length > 0 && _bytes[start + length - 1] == '\r') _fields[^1] = (start, length - 1);
    }

    /// <summary>True for an empty line (a single empty field).</summary>
    public bool IsBlank => _fields.Count == 1 && _fields[0].Length == 0;
}
