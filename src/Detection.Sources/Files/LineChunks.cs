namespace Detection.Sources.Files;

/// <summary>Cuts text input into messages of whole lines, and remembers a CSV file's header so that every later chunk of
/// it can be read alone.</summary>
internal static class LineChunks
{
    /// <summary>The length of the complete lines at the start of <paramref name="data"/> (up to and including the last line feed).</summary>
    public static int CompleteLength(ReadOnlySpan<byte> data) => data.LastIndexOf((byte)'\n') + 1;

    /// <summary>
    /// When <paramref name="head"/> (the first bytes of a file) is CSV — text not starting with <c>{</c>, <c>[</c> or gzip's
    /// magic, whose first line holds a comma — returns that header line with its line feed; otherwise null.
    /// </summary>
    public static byte[]? CsvHeader(ReadOnlySpan<byte> head)
    {
        var start = head.StartsWith("\uFEFF"u8) ? 3 : 0;
        var text = head[start..];
        var nl = text.IndexOf((byte)'\n');
        if (nl < 0 || text.Length == 0 || text[0] is (byte)'{' or (byte)'[' or (byte)' ' or 0x1F) return null;
        var line = text[..(nl + 1)];
        return line.IndexOf((byte)',') >= 0 ? line.ToArray() : null;
    }

    /// <summary>Prepends <paramref name="header"/> (when there is one and the chunk does not already start the file).</summary>
    public static ReadOnlyMemory<byte> WithHeader(byte[]? header, ReadOnlyMemory<byte> chunk, bool startsFile)
    {
        if (header is null || startsFile) return chunk;
        var joined = new byte[header.Length + chunk.Length];
        header.CopyTo(joined, 0);
        chunk.Span.CopyTo(joined.AsSpan(header.Length));
        return joined;
    }
}
