using System.Text;

namespace Detection.Tables.Columns;

/// <summary>
/// The distinct values of a dictionary-encoded column, stored once as UTF-8 bytes. Entry 0 is always the empty value
/// (the empty string, or a null dynamic). Large dictionaries keep their bytes compressed in blocks
/// (see <see cref="CompressedArena"/>); small ones keep them plain. Decoded strings are cached on first use.
/// Thread-safe for reading: a racing decode writes the same string twice.
/// </summary>
public sealed class Utf8Dictionary
{
    private readonly IValueArena _arena;
    private string?[]? _strings;

    private Utf8Dictionary(IValueArena arena, bool distinct)
    {
        _arena = arena;
        HasDistinctValues = distinct;
    }

    /// <summary>
    /// A dictionary of the values in <paramref name="bytes"/> delimited by <paramref name="offsets"/> (value i is
    /// bytes[offsets[i]..offsets[i+1]]). The bytes are copied (or compressed), never kept. <paramref name="distinct"/>:
    /// the caller knows that no value appears under two codes.
    /// </summary>
    internal static Utf8Dictionary From(ReadOnlySpan<byte> bytes, int[] offsets, bool distinct = false) =>
        new(CompressedArena.ShouldCompress(bytes.Length, offsets.Length - 1) && CompressedArena.TryCreate(bytes, offsets) is { } compressed
            ? compressed
            : new PlainArena(bytes.ToArray(), offsets), distinct);

    /// <summary>
    /// True when each value has one code, so codes compare as the values do. False when unknown: a builder stops
    /// deduplicating a column whose values are nearly all distinct.
    /// </summary>
    public bool HasDistinctValues { get; }

    public int Count => _arena.Count;

    /// <summary>True when the values are kept compressed (reading one decompresses its block).</summary>
    public bool IsCompressed => _arena is CompressedArena;

    /// <summary>The value's bytes. The span stays valid for as long as the caller holds it.</summary>
    public ReadOnlySpan<byte> GetUtf8(int code) => _arena.Get(code);

    /// <summary>The length of the value's bytes, known without decompressing it.</summary>
    public int ByteLength(int code) => _arena.Length(code);

    public string GetString(int code)
    {
        if (code == 0) return string.Empty;
        var strings = _strings ??= new string?[Count];
        return strings[code] ??= Encoding.UTF8.GetString(GetUtf8(code));
    }

    /// <summary>Bytes of the stored values and offsets (the string cache is not counted: it is a cache).</summary>
    public long EstimatedBytes => _arena.EstimatedBytes;
}

internal interface IValueArena
{
    int Count { get; }

    long EstimatedBytes { get; }

    ReadOnlySpan<byte> Get(int code);

    int Length(int code);
}

internal sealed class PlainArena(byte[] bytes, int[] offsets) : IValueArena
{
    public int Count => offsets.Length - 1;

    public long EstimatedBytes => bytes.LongLength + offsets.LongLength * sizeof(int);

    public ReadOnlySpan<byte> Get(int code) => bytes.AsSpan(offsets[code], offsets[code + 1] - offsets[code]);

    public int Length(int code) => offsets[code + 1] - offsets[code];
}
