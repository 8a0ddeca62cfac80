using System.Runtime.InteropServices;

namespace Detection.Ingestion;

/// <summary>
/// One body to read with <see cref="DataLoader.Load(IEnumerable{LoadInput}, LoadOptions)"/>: where it came from (used as
/// the location of its rejections, e.g. <c>signins/3@1742</c> for a Kafka message) and how to open it. The stream is
/// opened once, read forward only and disposed by the loader.
/// </summary>
/// <param name="Origin">The location rejections name instead of a file path.</param>
/// <param name="Open">Opens the body; it need not be seekable; gzip content is unwrapped.</param>
public sealed record LoadInput(string Origin, Func<Stream> Open)
{
    /// <summary>The line number of the body's first line (a chunk of a file that starts at its line 120 says 120).</summary>
    public long FirstLine { get; init; } = 1;

    /// <summary>A body already in memory.</summary>
    public static LoadInput FromBytes(string origin, ReadOnlyMemory<byte> body, long firstLine = 1) =>
        new(origin, () => AsStream(body)) { FirstLine = firstLine };

    private static MemoryStream AsStream(ReadOnlyMemory<byte> body) =>
        MemoryMarshal.TryGetArray(body, out var segment)
            ? new MemoryStream(segment.Array!, segment.Offset, segment.Count, writable: false)
            : new MemoryStream(body.ToArray(), writable: false);
}
