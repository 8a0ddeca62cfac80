namespace Detection.Ingestion.Json;

/// <summary>
/// The raw text of the last object or array a field held. Consecutive records often repeat it (a list of conditional
/// access policies, a status, a location), and the same bytes are the same valid JSON: a repeat is recognised by one
/// comparison instead of a scan. Not thread-safe, like the load that owns it.
/// </summary>
internal sealed class RecentContainer
{
    private byte[] _bytes = [];

    public int Length { get; private set; }

    public bool IsCompact { get; private set; }

    public ReadOnlySpan<byte> Bytes => _bytes.AsSpan(0, Length);

    public void Remember(ReadOnlySpan<byte> raw, bool isCompact)
    {
        if (_bytes.Length < raw.Length) _bytes = new byte[Math.Max(raw.Length, 2 * _bytes.Length)];
        raw.CopyTo(_bytes);
        Length = raw.Length;
        IsCompact = isCompact;
    }
}
