using System.Runtime.CompilerServices;
using System.Text;
using Detection.Tables.Columns;

namespace Detection.Evaluation;

/// <summary>
/// One integer per distinct string (ordinal), shared by the chunks of every table: two values are equal exactly when
/// their ids are. A dictionary-encoded column is translated once (code → id, remembered as long as its dictionary
/// lives), so <c>in</c>, join, distinct and summarize compare string keys as integers, and a rule's hourly runs over
/// the same window segments never hash the same strings twice. The strings themselves are kept until the instance
/// is dropped: an owner that runs for long replaces it once <see cref="Count"/> grows past what it wants to hold.
/// Thread-safe.
/// </summary>
public sealed class StringIds
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal) { [string.Empty] = 0 };
    private readonly ConditionalWeakTable<Utf8Dictionary, int[]> _dictionaries = new();
    private readonly Lock _gate = new();

    /// <summary>The number of distinct strings given an id so far (the empty string is id 0).</summary>
    public int Count
    {
        get { lock (_gate) return _ids.Count; }
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
            Translate(dictionary, Enumerable.Range(1, Math.Max(0, ids.Length - 1)), ids);
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
        var used = new HashSet<int>();
        for (var row = 0; row < codes.Length; row++)
            if (codes[row] != 0) used.Add(codes[row]);
        var ids = new int[dictionary.Count];
        lock (_gate) Translate(dictionary, used, ids);
        return ids;
    }

    /// <summary>Sets <c>ids[code]</c> for each of <paramref name="codes"/>; the caller holds the lock.</summary>
    private void Translate(Utf8Dictionary dictionary, IEnumerable<int> codes, int[] ids)
    {
        // Values are decoded into one buffer and looked up as characters: a string is made only for a new value, not
        // for each entry of a dictionary that most often repeats values already known.
        var byChars = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        var buffer = System.Buffers.ArrayPool<char>.Shared.Rent(256);
        foreach (var code in codes)
        {
            var utf8 = dictionary.GetUtf8(code);
            if (Encoding.UTF8.GetMaxCharCount(utf8.Length) > buffer.Length)
            {
                System.Buffers.ArrayPool<char>.Shared.Return(buffer);
                buffer = System.Buffers.ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(utf8.Length));
            }
            var chars = buffer.AsSpan(0, Encoding.UTF8.GetChars(utf8, buffer));
            ids[code] = byChars.TryGetValue(chars, out var id) ? id : Intern(new string(chars));
        }
        System.Buffers.ArrayPool<char>.Shared.Return(buffer);
    }

    private int Intern(string value)
    {
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, value, out var known);
        if (!known) id = _ids.Count - 1;
        return id;
    }
}
