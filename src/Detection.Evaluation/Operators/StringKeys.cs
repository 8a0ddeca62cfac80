using System.Runtime.InteropServices;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// Group keys of one or two string columns of a chunk, made once per distinct dictionary code (pair) instead of once
/// per row. A dictionary may hold one text under several codes; their keys are still equal, being compared by value.
/// </summary>
internal static class StringKeys
{
    private const int NotAsked = int.MinValue;

    /// <summary>The key of each row, or null when the columns are not one or two string columns.</summary>
    public static Func<int, GroupKey>? For(IReadOnlyList<Column> columns)
    {
        switch (columns)
        {
            case [StringColumn a]:
            {
                var byCode = new GroupKey?[a.Dictionary.Count];
                return r => byCode[a.Codes[r]] ??= new GroupKey([a.GetString(r)]);
            }
            case [StringColumn a, StringColumn b]:
            {
                var byCodes = new Dictionary<long, GroupKey>();
                return r =>
                {
                    ref var key = ref CollectionsMarshal.GetValueRefOrAddDefault(byCodes, ((long)a.Codes[r] << 32) | (uint)b.Codes[r], out var seen);
                    if (!seen) key = new GroupKey([a.GetString(r), b.GetString(r)]);
                    return key;
                };
            }
            default:
                return null;
        }
    }

    /// <summary>The id <paramref name="idOf"/> gives each row's key, asked once per distinct code (pair); null as <see cref="For"/>.</summary>
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
