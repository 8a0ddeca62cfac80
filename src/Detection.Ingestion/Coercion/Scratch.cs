namespace Detection.Ingestion.Coercion;

/// <summary>A reusable byte buffer that grows on demand; one per purpose so that two uses never overlap.</summary>
internal sealed class Scratch
{
    private byte[] _bytes = new byte[1024];

    public Span<byte> Get(int size)
    {
        if (_bytes.Length < size) _bytes = new byte[Math.Max(size, _bytes.Length * 2)];
        return _bytes;
    }
}

/// <summary>The scratch buffers of one reader (not thread-safe, like the reader).</summary>
internal sealed class ScratchSet
{
    public Scratch Unescape { get; } = new();
    public Scratch Compact { get; } = new();
    public Scratch Text { get; } = new();
}
