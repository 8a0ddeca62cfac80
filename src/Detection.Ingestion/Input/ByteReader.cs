namespace Detection.Ingestion.Input;

/// <summary>
/// A forward-only window over a stream: the unconsumed bytes stay contiguous in one buffer that grows (doubling, up to a
/// limit) only when a single value needs it, so a file is never held whole. Counts lines as bytes are consumed.
/// </summary>
internal sealed class ByteReader : IDisposable
{
    private readonly Stream _stream;
    private readonly int _maxBuffer;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private int _countedTo;
    private long _linesBefore = 1;

    public ByteReader(Stream stream, int maxBuffer, int initialSize = 1 << 20, long firstLine = 1)
    {
        _linesBefore = firstLine;
        _stream = stream;
        _maxBuffer = Math.Max(maxBuffer, 8192);
        _buffer = new byte[Math.Min(initialSize, _maxBuffer)];
    }

    /// <summary>The current buffer size (it doubles, up to the maximum, only when one value needs it).</summary>
    public int Capacity => _buffer.Length;

    public bool IsEof { get; private set; }

    /// <summary>The unconsumed bytes currently buffered; valid until the next <see cref="Fill"/>.</summary>
    public ReadOnlySpan<byte> Span => _buffer.AsSpan(_start, _end - _start);

    public ReadOnlyMemory<byte> Memory => _buffer.AsMemory(_start, _end - _start);

    public int Length => _end - _start;

    public void Advance(int count) => _start += count;

    /// <summary>
    /// Reads more bytes behind the unconsumed ones. Returns false at the end of the stream, or when the unconsumed bytes
    /// already fill a buffer of the maximum size (<see cref="IsFull"/>).
    /// </summary>
    public bool Fill()
    {
        IsFull = false;
        if (IsEof) return false;
        if (_start > 0)
        {
            CountLinesTo(_start);
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _countedTo -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= _maxBuffer)
            {
                IsFull = true;
                return false;
            }
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _maxBuffer));
        }
        // Streams such as GZipStream return short reads: keep reading until the buffer is at least half full, so that
        // compaction (a copy of the unconsumed bytes) happens once per half buffer, not once per short read.
        var before = _end;
        while (_end < _buffer.Length)
        {
            var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                IsEof = true;
                break;
            }
            _end += read;
            if (_end >= _buffer.Length / 2) break;
        }
        return _end > before;
    }

    public bool IsFull { get; private set; }

    /// <summary>Makes at least <paramref name="count"/> bytes available if the stream has them.</summary>
    public bool Ensure(int count)
    {
        while (Length < count)
            if (!Fill()) return false;
        return true;
    }

    /// <summary>The 1-based line of the byte at <paramref name="offset"/> from the current position.</summary>
    public long LineAt(int offset)
    {
        CountLinesTo(_start + offset);
        return _linesBefore;
    }

    /// <summary>Skips whitespace (and a UTF-8 byte order mark); false when the stream ends first.</summary>
    public bool SkipWhitespace()
    {
        while (true)
        {
            var span = Span;
            var i = 0;
            while (true)
            {
                if (i < span.Length && span[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
                else if (i + 3 <= span.Length && span[i] == 0xEF && span[i + 1] == 0xBB && span[i + 2] == 0xBF) i += 3;
                else break;
            }
            Advance(i);
            if (Length >= 3 || (Length > 0 && Span[0] != 0xEF)) return true;
            if (!Fill()) return Length > 0;
        }
    }

    /// <summary>Consumes bytes up to and including the next line feed; false when the stream ends first.</summary>
    public bool SkipLine()
    {
        while (true)
        {
            var i = Span.IndexOf((byte)'\n');
            if (i >= 0)
            {
                Advance(i + 1);
                return true;
            }
            Advance(Length);
            if (!Fill()) return false;
        }
    }

    private void CountLinesTo(int index)
    {
        if (index <= _countedTo) return;
        _linesBefore += _buffer.AsSpan(_countedTo, index - _countedTo).Count((byte)'\n');
        _countedTo = index;
    }

    public void Dispose() => _stream.Dispose();
}
