namespace Detection.Sources.Files;

/// <summary>Where reading of one text input stands: byte position, line number, and its CSV header once seen.</summary>
internal sealed class LineCursor(string location)
{
    private byte[]? _header;

    public long Position { get; private set; }

    public long Line { get; private set; } = 1;

    /// <summary>Turns the next complete lines into a message (a CSV chunk gets its file's header again) and moves past them.</summary>
    public SourceMessage Take(ReadOnlyMemory<byte> lines)
    {
        var startsFile = Position == 0;
        if (startsFile) _header = LineChunks.CsvHeader(lines.Span);
        var body = LineChunks.WithHeader(_header, lines, startsFile);
        // The repeated header is numbered as the line before the chunk, so the chunk's own lines keep their file numbers.
        var firstLine = _header is not null && !startsFile ? Line - 1 : Line;
        var message = new SourceMessage(body, new FileOrigin(location, firstLine, Position));
        Position += lines.Length;
        Line += lines.Span.Count((byte)'\n');
        return message;
    }

    /// <summary>Starts over (the file was truncated or replaced by a shorter one).</summary>
    public void Reset()
    {
        Position = 0;
        Line = 1;
        _header = null;
    }

    /// <summary>Moves past bytes that are not turned into a message (a gzip file read whole).</summary>
    public void Skip(long length) => Position += length;
}
