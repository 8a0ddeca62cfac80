using System.Runtime.InteropServices;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// Key ids (join, distinct) of one or two string columns of a chunk, looked up once per distinct dictionary code (pair)
/// instead of once per row. A dictionary may hold one text under several codes; they still get one id, the keys being
/// compared by value.
/// </summary>
internal static class StringKeys
{
    private const int NotAsked = int.MinValue;

    /// <summary>The id of <paramref name="key"/> in <paramref name="ids"/>, adding it (the next id, in order of first appearance) when new.</summary>
    public static int Add(Dictionary<GroupKey, int> ids, GroupKey key)
    {
        ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(ids, key, out var known);
        if (!known) id = ids.Count - 1;
        return id;
    }

    /// <summary>
    /// The id <paramref name="idOf"/> gives each row's key, asked once per distinct code (pair); null when the columns are
    /// not one or two string columns.
    /// </summary>
    public static Func<int, int>? IdsFor(IReadOnlyList<Column> columns, Func<GroupKey, int> idOf)
    {
        switch (columns)
        {
            case [StringColumn a]:
            {
                var byCode = new int[a.Dictionary.Count];
                Array.Fill(byCode, NotAsked);
                return r =>
                {
                    ref var id = ref byCode[a.Codes[r]];
                    if (id == NotAsked) id = idOf(new GroupKey([a.GetString(r)]));
                    return id;
                };
            }
            case [StringColumn a, StringColumn b]:
            {
                var byCodes = new Dictionary<long, int>();
                return r =>
                {
                    ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(byCodes, ((long)a.Codes[r] << 32) | (uint)b.Codes[r], out var seen);
                    if (!seen) id = idOf(new GroupKey([a.GetString(r), b.GetString(r)]));
                    return id;
                };
            }
            default:
                return null;
        }
    }
}
