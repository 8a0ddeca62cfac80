using System.Runtime.InteropServices;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// Small integer ids for key tuples (join, distinct, summarize), one per distinct key, numbered in order of first
/// appearance. Keys of one or two strings are keyed by their <see cref="StringIds"/> (one integer lookup a row, the
/// strings of a stored column translated once per dictionary); other keys by their <see cref="Kv.Key"/> values.
/// </summary>
internal sealed class KeyIds(StringIds strings)
{
    private readonly IdTable _byString = new();
    private readonly Dictionary<long, int> _byStringPairs = new();
    private readonly Dictionary<GroupKey, int> _byValues = new();

    /// <summary>The number of ids given.</summary>
    public int Count { get; private set; }

    /// <summary>
    /// The id of the key <paramref name="values"/> (each already <see cref="Kv.Key"/>-normalized): given the next id
    /// when new and <paramref name="add"/>, else -1 when new.
    /// </summary>
    public int Find(object?[] values, bool add) => values switch
    {
        [string a] => FindString(strings.Of(a), add),
        [string a, string b] => Find(Pair(strings.Of(a), strings.Of(b)), add),
        _ => Find(new GroupKey(values), add),
    };

    /// <summary>
    /// The id of each row's key when the key columns are one or two string columns (translated once per dictionary),
    /// with <see cref="Find(object?[], bool)"/>'s meaning; else null.
    /// </summary>
    public Func<int, int>? ForColumns(IReadOnlyList<Column> columns, bool add)
    {
        switch (columns)
        {
            case [StringColumn a]:
            {
                var ids = strings.Of(a.Dictionary, a.Codes);
                var codes = a.Codes;
                return r => FindString(ids[codes[r]], add);
            }
            case [StringColumn a, StringColumn b]:
            {
                var (idsA, idsB) = (strings.Of(a.Dictionary, a.Codes), strings.Of(b.Dictionary, b.Codes));
                var (codesA, codesB) = (a.Codes, b.Codes);
                return r => Find(Pair(idsA[codesA[r]], idsB[codesB[r]]), add);
            }
            default:
                return null;
        }
    }

    private static long Pair(int a, int b) => ((long)a << 32) | (uint)b;

    private int FindString(int id, bool add)
    {
        var found = _byString.Find(id, add, Count);
        if (found == Count) Count++;
        return found;
    }

    private int Find(long key, bool add) => Find(_byStringPairs, key, add);

    private int Find(GroupKey key, bool add) => Find(_byValues, key, add);

    private int Find<TKey>(Dictionary<TKey, int> ids, TKey key, bool add)
        where TKey : notnull
    {
        if (!add) return ids.TryGetValue(key, out var found) ? found : -1;
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out var known);
        if (!known) id = Count++;
        return id;
    }
}
