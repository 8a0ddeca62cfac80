using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace Detection.Sources.Files;

/// <summary>
/// Reads a file or a folder (recursively; <c>.json .jsonl .ndjson .csv .gz .log</c> files, in path order). Without
/// follow, everything is read once and the source ends. With follow, the folder is looked at every
/// <see cref="FileSourceOptions.PollInterval"/>: new files and lines appended to known ones are read as they come; a last
/// line without its line feed waits (see <see cref="FileSourceOptions.QuietPeriod"/>). A file that shrinks is read again
/// from its start. Positions are kept in memory: <see cref="CommitAsync"/> records them, nothing is persisted, so a
/// restarted follower reads its folder from the start again.
/// </summary>
public sealed class FileSource : ISource
{
    private static readonly string[] DataExtensions = [".json", ".jsonl", ".ndjson", ".csv", ".gz", ".log"];

    private readonly string _path;
    private readonly bool _follow;
    private readonly FileSourceOptions _options;
    private readonly ILogger _logger;
    private readonly Dictionary<string, FileState> _files = new(StringComparer.Ordinal);

    public FileSource(string path, bool follow, FileSourceOptions options, ILogger logger)
    {
        _path = path;
        _follow = follow;
        _options = options;
        _logger = logger;
    }

    /// <summary>The positions last passed to <see cref="CommitAsync"/> (one partition per file).</summary>
    public SourceCheckpoint Committed { get; private set; } = SourceCheckpoint.None;

    public async IAsyncEnumerable<SourceBatch> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!_follow && !File.Exists(_path) && !Directory.Exists(_path))
            throw new SourceException($"{_path}: no such file or folder");
        while (!cancellationToken.IsCancellationRequested)
        {
            var (batch, more) = Poll(final: !_follow);
            if (batch.Messages.Count > 0) yield return batch;
            if (more) continue;
            if (!_follow) yield break;
            try
            {
                await Task.Delay(_options.PollInterval, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                yield break;
            }
        }
    }

    /// <summary>One look at the files: what is new, and whether more is waiting beyond the batch size.
    /// <paramref name="final"/> takes a partial last line and unsettled gzip files as they are (a one-off read).</summary>
    internal (SourceBatch Batch, bool More) Poll(bool final)
    {
        var now = _options.TimeProvider.GetUtcNow();
        var messages = new List<SourceMessage>();
        long bytes = 0;
        var more = false;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in ListFiles())
        {
            seen.Add(file);
            if (bytes >= _options.MaxBatchBytes)
            {
                more = true;
                continue;
            }
            try
            {
                more |= ReadFile(file, now, final, messages, ref bytes);
            }
            catch (IOException ex)
            {
                _logger.LogWarning("{File}: {Reason}; tried again at the next poll", file, ex.Message);
            }
            catch (UnauthorizedAccessException ex)
            {
                _logger.LogWarning("{File}: {Reason}; tried again at the next poll", file, ex.Message);
            }
        }
        foreach (var gone in _files.Keys.Where(f => !seen.Contains(f)).ToList()) _files.Remove(gone);
        var checkpoint = new SourceCheckpoint(_files.ToDictionary(f => new SourcePartition(f.Key, 0), f => f.Value.Cursor.Position));
        return (new SourceBatch(messages, checkpoint), more);
    }

    private bool ReadFile(string file, DateTimeOffset now, bool final, List<SourceMessage> messages, ref long bytes)
    {
        var length = new FileInfo(file).Length;
        if (!_files.TryGetValue(file, out var state))
            _files[file] = state = new FileState(new LineCursor(file), length, now);
        if (length != state.LastLength)
        {
            state.LastLength = length;
            state.LastChange = now;
        }
        var cursor = state.Cursor;
        if (length < cursor.Position)
        {
            _logger.LogWarning("{File} shrank from {Old} to {New} bytes: read again from its start", file, cursor.Position, length);
            cursor.Reset();
            state.Gzip = null;
        }
        if (length == cursor.Position) return false;
        var quiet = final || now - state.LastChange >= _options.QuietPeriod;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16);
        if (state.Gzip is null && cursor.Position == 0)
        {
            var magic = new byte[2];
            state.Gzip = stream.ReadAtLeast(magic, 2, throwOnEndOfStream: false) == 2 && magic[0] == 0x1F && magic[1] == 0x8B;
        }
        if (state.Gzip == true)
        {
            // Compressed files cannot be tailed: read whole once they have settled.
            if (!quiet || cursor.Position > 0) return false;
            var whole = File.ReadAllBytes(file);
            messages.Add(new SourceMessage(whole, new FileOrigin(file, 1, 0)));
            cursor.Skip(whole.Length);
            bytes += whole.Length;
            return false;
        }
        while (cursor.Position < length)
        {
            if (bytes >= _options.MaxBatchBytes) return true;
            var chunk = ReadLines(stream, cursor.Position, length - cursor.Position, quiet);
            if (chunk.Length == 0) return false;
            messages.Add(cursor.Take(chunk));
            bytes += chunk.Length;
        }
        return false;
    }

    /// <summary>Reads up to a message's worth of complete lines; a line longer than that is read whole (up to the line limit).
    /// Returns nothing when only a partial line is there and the file has not settled.</summary>
    private byte[] ReadLines(FileStream stream, long start, long available, bool quiet)
    {
        var size = (int)Math.Min(available, _options.MaxMessageBytes);
        while (true)
        {
            var buffer = new byte[size];
            stream.Position = start;
            var read = stream.ReadAtLeast(buffer, size, throwOnEndOfStream: false);
            if (read == 0) return []; // the file shrank meanwhile: the next poll sees it
            var complete = LineChunks.CompleteLength(buffer.AsSpan(0, read));
            var atEnd = read >= available;
            if (complete > 0) return buffer[..complete];
            if (atEnd) return quiet ? buffer[..read] : [];
            if (size >= _options.MaxLineBytes) return buffer[..read]; // an over-long line: the decoder rejects it
            size = (int)Math.Min(Math.Min(available, (long)size * 2), _options.MaxLineBytes);
        }
    }

    private IEnumerable<string> ListFiles()
    {
        if (File.Exists(_path)) return [_path];
        if (!Directory.Exists(_path)) return [];
        try
        {
            return Directory.EnumerateFiles(_path, "*", SearchOption.AllDirectories)
                .Where(f => DataExtensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (IOException ex)
        {
            _logger.LogWarning("{Folder}: {Reason}", _path, ex.Message);
            return [];
        }
    }

    public ValueTask CommitAsync(SourceCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        Committed = checkpoint;
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private sealed class FileState(LineCursor cursor, long length, DateTimeOffset now)
    {
        public LineCursor Cursor { get; } = cursor;
        public long LastLength { get; set; } = length;
        public DateTimeOffset LastChange { get; set; } = now;
        public bool? Gzip { get; set; }
    }
}
