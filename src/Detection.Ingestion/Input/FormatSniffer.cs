using System.IO.Compression;

namespace Detection.Ingestion.Input;

internal enum InputFormat
{
    Json,
    Csv,
    Unrecognised,
}

/// <summary>
/// Decides a file's format from its content, never its name: gzip is recognised by its magic bytes and unwrapped, then the
/// first non-whitespace byte tells JSON (<c>{</c> or <c>[</c>) from CSV (printable text whose first line holds a comma).
/// </summary>
internal static class FormatSniffer
{
    public static ByteReader Open(string path, int maxBuffer) =>
        Open(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16), maxBuffer);

    /// <summary>Unwraps gzip when the stream starts with its magic bytes; the stream need not be seekable.</summary>
    public static ByteReader Open(Stream stream, int maxBuffer, long firstLine = 1)
    {
        var magic = new byte[2];
        var n = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        if (stream.CanSeek) stream.Position -= n;
        else stream = new PrefixedStream(magic.AsMemory(0, n), stream);
        if (n == 2 && magic[0] == 0x1F && magic[1] == 0x8B)
            stream = new BufferedStream(new GZipStream(stream, CompressionMode.Decompress), 1 << 16);
        return new ByteReader(stream, maxBuffer, firstLine: firstLine);
    }

    public static InputFormat Sniff(ByteReader reader, out string why)
    {
        why = "";
        reader.Ensure(4096);
        if (!reader.SkipWhitespace())
        {
            why = "the file is empty";
            return InputFormat.Unrecognised;
        }
        reader.Ensure(4096);
        var head = reader.Span[..Math.Min(reader.Length, 4096)];
        if (head[0] is (byte)'{' or (byte)'[') return InputFormat.Json;
        if (head.IndexOf((byte)0) >= 0 || !LooksLikeText(head))
        {
            why = "not a recognised format (binary content: expected JSON, JSON lines or CSV)";
            return InputFormat.Unrecognised;
        }
        var firstLine = head.IndexOf((byte)'\n') is var nl and >= 0 ? head[..nl] : head;
        if (firstLine.IndexOf((byte)',') >= 0) return InputFormat.Csv;
        why = "not a recognised format (text that is neither JSON nor CSV with a header row)";
        return InputFormat.Unrecognised;
    }

    private static bool LooksLikeText(ReadOnlySpan<byte> head)
    {
        var control = 0;
        foreach (var b in head)
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\r' or (byte)'\n')) control++;
        if (control > 0) return false;
        // A cut in the middle of a multi-byte character at the end of the window is not an error.
        var trimmed = head;
        for (var k = 0; k < 3 && trimmed.Length > 0 && trimmed[^1] >= 0x80; k++) trimmed = trimmed[..^1];
        return System.Text.Unicode.Utf8.IsValid(trimmed);
    }
}
