using System.Text;

namespace Detection.Tables.Columns;

/// <summary>
/// The distinct values of a dictionary-encoded column, stored once as UTF-8 bytes in one array.
/// Entry 0 is always the empty value (the empty string, or a null dynamic). Decoded strings are cached on first use.
/// Thread-safe for reading: a racing decode writes the same string twice.
/// </summary>
public sealed class Utf8Dictionary
{
    private readonly byte[] _bytes;
    private readonly int[] _offsets;
    private string?[]? _strings;

    internal Utf8Dictionary(byte[] bytes, int[] offsets)
    {
        _bytes = bytes;
        _offsets = offsets;
    }

    public int Count => _offsets.Length - 1;

    public ReadOnlySpan<byte> GetUtf8(int code) => _bytes.AsSpan(_offsets[code], _offsets[code + 1] - _offsets[code]);

    public string GetString(int code)
    {
        if (code == 0) return string.Empty;
        var strings = _strings ??= new string?[Count];
        return strings[code] ??= Encoding.UTF8.GetString(GetUtf8(code));
    }

    /// <summary>Bytes of the value arena and offsets (the string cache is not counted: it is a cache).</summary>
    public long EstimatedBytes => _bytes.LongLength + _offsets.LongLength * sizeof(int);
}
