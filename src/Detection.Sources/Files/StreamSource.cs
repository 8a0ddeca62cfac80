using System.Runtime.CompilerServices;

namespace Detection.Sources.Files;

/// <summary>
/// Reads a stream that only goes forward — standard input for <c>-</c> — as it arrives: each read that completes lines
/// yields them as a message (a CSV header is repeated in every message), the last partial line when the stream ends.
/// Bodies, JSON lines and CSV all work; a pretty-printed JSON document must come whole before its first line feed can be
/// used, so send such documents one per line. Nothing to commit: <see cref="CommitAsync"/> does nothing.
/// </summary>
public sealed class StreamSource : ISource
{
    private readonly Stream _stream;
    private readonly string _name;
    private readonly FileSourceOptions _options;

    /// <param name="name">The location rejected records name (<c>stdin</c>).</param>
    public StreamSource(Stream stream, string name, FileSourceOptions options)
    {
        _stream = stream;
        _name = name;
        _options = options;
    }

    public async IAsyncEnumerable<SourceBatch> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = new LineCursor(_name);
        var buffer = new byte[64 << 10];
        var filled = 0;
        while (true)
        {
            if (filled == buffer.Length) Array.Resize(ref buffer, Math.Min(buffer.Length * 2, Math.Max(_options.MaxLineBytes, buffer.Length + 1)));
            int read;
            try
            {
                read = await _stream.ReadAsync(buffer.AsMemory(filled), cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
            filled += read;
            var end = read == 0 ? filled : LineChunks.CompleteLength(buffer.AsSpan(0, filled));
            if (end == 0 && filled >= _options.MaxLineBytes) end = filled; // an over-long line: the decoder rejects it
            var messages = new List<SourceMessage>();
            for (var start = 0; start < end;)
            {
                var take = Math.Min(end - start, _options.MaxMessageBytes);
                if (start + take < end)
                {
                    var cut = LineChunks.CompleteLength(buffer.AsSpan(start, take));
                    // A single line longer than a message stays whole.
                    take = cut > 0 ? cut : FirstLineLength(buffer.AsSpan(start, end - start)) is var line and > 0 ? line : end - start;
                }
                messages.Add(cursor.Take(buffer.AsSpan(start, take).ToArray()));
                start += take;
            }
            if (end > 0)
            {
                Buffer.BlockCopy(buffer, end, buffer, 0, filled - end);
                filled -= end;
                yield return new SourceBatch(messages, new SourceCheckpoint(new Dictionary<SourcePartition, long> { [new(_name, 0)] = cursor.Position }));
            }
            if (read == 0) yield break;
        }
    }

    private static int FirstLineLength(ReadOnlySpan<byte> span) => span.IndexOf((byte)'\n') + 1;

    public ValueTask CommitAsync(SourceCheckpoint checkpoint, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => _stream.DisposeAsync();
}
