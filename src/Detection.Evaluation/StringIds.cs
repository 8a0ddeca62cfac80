using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using Detection.Tables.Building;
using Detection.Tables.Columns;

namespace Detection.Evaluation;

/// <summary>
/// One integer per distinct string (ordinal), shared by the chunks of every table: two values are equal exactly when
/// their ids are. A dictionary-encoded column is translated once (code → id, remembered as long as its dictionary
/// lives), so <c>in</c>, join, distinct and summarize compare string keys as integers, and a rule's hourly runs over
/// the same window segments never hash the same strings twice. Strings are keyed by their UTF-8 bytes
/// (<see cref="Utf8Interner"/>), so a dictionary entry is looked up where it lies, never decoded. The texts are kept
/// until the instance is dropped: an owner that runs for long replaces it once <see cref="Count"/> grows past what it
/// wants to hold. Thread-safe.
/// </summary>
public sealed class StringIds
{
    private readonly Utf8Interner _texts = new();
    private readonly ConditionalWeakTable<Utf8Dictionary, int[]> _dictionaries = new();
    private readonly Lock _gate = new();

    /// <summary>The number of distinct strings given an id so far (the empty string is id 0).</summary>
    public int Count
    {
        get { lock (_gate) return _texts.Count; }
    }

    /// <summary>The id of <paramref name="value"/>, given the next one when new.</summary>
    public int Of(string value)
    {
        lock (_gate) return Intern(value);
    }

    /// <summary>The id of each code of <paramref name="dictionary"/> (index: code).</summary>
    public int[] Of(Utf8Dictionary dictionary)
    {
        if (_dictionaries.TryGetValue(dictionary, out var known)) return known;
        lock (_gate)
        {
            if (_dictionaries.TryGetValue(dictionary, out known)) return known;
            var ids = new int[dictionary.Count];
            for (var code = 1; code < ids.Length; code++) ids[code] = Intern(dictionary.GetUtf8(code));
            _dictionaries.Add(dictionary, ids);
            return ids;
        }
    }

    /// <summary>
    /// The id of each code that <paramref name="codes"/> uses (index: code; the other entries are not ids). A few rows
    /// over a large dictionary (a filter's survivors keep their table's dictionary) translate only their own codes, and
    /// nothing is remembered; otherwise the whole dictionary is translated once, as <see cref="Of(Utf8Dictionary)"/>.
    /// </summary>
    public int[] Of(Utf8Dictionary dictionary, CodeArray codes)
    {
        if ((long)codes.Length * 16 >= dictionary.Count || _dictionaries.TryGetValue(dictionary, out _)) return Of(dictionary);
        var ids = new int[dictionary.Count];
        lock (_gate)
        {
            for (var row = 0; row < codes.Length; row++)
                if (codes[row] != 0) ids[codes[row]] = Intern(dictionary.GetUtf8(codes[row]));
        }
        return ids;
    }

    /// <summary>
    /// A stored value's id: its bytes when they are valid UTF-8; else the string they decode to (invalid sequences
    /// replaced, as <see cref="Utf8Dictionary.GetString"/> reads them). The caller holds the lock.
    /// </summary>
    private int Intern(ReadOnlySpan<byte> utf8) =>
        Utf8.IsValid(utf8) ? _texts.Intern(utf8) : Intern(Encoding.UTF8.GetString(utf8));

    /// <summary>
    /// A string's id: its UTF-8 bytes, which are the same text exactly when the string has no unpaired surrogate. One that
    /// has (cut from a surrogate pair) is keyed by 0xFF, never a byte of UTF-8, and its UTF-16 code units, so that it
    /// equals only itself. The caller holds the lock.
    /// </summary>
    private int Intern(string value)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(value.Length) + 1);
        try
        {
            if (Utf8.FromUtf16(value, buffer, out _, out var written, replaceInvalidSequences: false) == OperationStatus.Done)
                return _texts.Intern(buffer.AsSpan(0, written));
            var units = System.Runtime.InteropServices.MemoryMarshal.AsBytes(value.AsSpan());
            buffer[0] = 0xFF;
            units.CopyTo(buffer.AsSpan(1));
            return _texts.Intern(buffer.AsSpan(0, units.Length + 1));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
