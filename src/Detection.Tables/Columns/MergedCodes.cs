using Detection.Tables.Building;

namespace Detection.Tables.Columns;

/// <summary>Rows whose codes come from one dictionary: <c>Codes[Start .. Start + Count)</c>; no dictionary: code 0 (empty or null).</summary>
internal readonly record struct CodeRun(Utf8Dictionary? Dictionary, CodeArray? Codes, int Start, int Count);

/// <summary>
/// Codes of several dictionaries renumbered into one merged dictionary: each entry the runs use is interned once per
/// source dictionary (unused entries are not copied). A first pass finds those entries and their bytes, so the merged
/// dictionary is built at its final size.
/// </summary>
internal static class MergedCodes
{
    public static (Utf8Dictionary Dictionary, int[] Codes) Of(IReadOnlyList<CodeRun> runs, int rows)
    {
        var maps = Maps(runs);
        var values = 0;
        long bytes = 0;
        CodeMap? map = null;
        foreach (var run in runs)
        {
            if (run.Dictionary is not { } dictionary) continue;
            // Neighbouring runs mostly share a dictionary (a summarize's winners of one chunk): one lookup for them all.
            if (!ReferenceEquals(map?.Dictionary, dictionary)) map = maps[dictionary];
            for (var row = run.Start; row < run.Start + run.Count; row++)
            {
                var code = run.Codes![row];
                if (!map.MarkSeen(code)) continue;
                values++;
                bytes += dictionary.ByteLength(code);
            }
        }
        var builder = Utf8DictionaryBuilder.Sized(values, bytes);
        var codes = new int[rows];
        var at = 0;
        map = null;
        foreach (var run in runs)
        {
            if (run.Dictionary is not { } dictionary)
            {
                at += run.Count;
                continue;
            }
            if (!ReferenceEquals(map?.Dictionary, dictionary)) map = maps[dictionary];
            for (var row = run.Start; row < run.Start + run.Count; row++)
                codes[at++] = map.Merged(run.Codes![row], builder);
        }
        return (builder.Build(), codes);
    }

    /// <summary>A map for each source dictionary, sized by the rows that use it.</summary>
    private static Dictionary<Utf8Dictionary, CodeMap> Maps(IReadOnlyList<CodeRun> runs)
    {
        var used = new Dictionary<Utf8Dictionary, int>(ReferenceEqualityComparer.Instance);
        Utf8Dictionary? last = null;
        var count = 0;
        foreach (var run in runs)
        {
            if (run.Dictionary is not { } dictionary) continue;
            if (!ReferenceEquals(dictionary, last))
            {
                if (last is not null) used[last] = used.GetValueOrDefault(last) + count;
                (last, count) = (dictionary, 0);
            }
            count += run.Count;
        }
        if (last is not null) used[last] = used.GetValueOrDefault(last) + count;
        var maps = new Dictionary<Utf8Dictionary, CodeMap>(used.Count, ReferenceEqualityComparer.Instance);
        foreach (var (dictionary, rows) in used) maps[dictionary] = new CodeMap(dictionary, rows);
        return maps;
    }

    /// <summary>
    /// Source code → merged code of one dictionary. An array over all its codes when the rows use a fair share of them;
    /// a hash map of the used codes when a few rows use a large dictionary (a filter's survivors, a summarize's
    /// winners picked from many chunks), where filling an array the dictionary's size would cost more than the rows.
    /// </summary>
    private sealed class CodeMap
    {
        private const int Unseen = -1;
        private const int Seen = -2;
        private readonly int[]? _dense;
        private readonly Dictionary<int, int>? _sparse;

        public CodeMap(Utf8Dictionary dictionary, int rows)
        {
            Dictionary = dictionary;
            // Filling and reading an array costs about a nanosecond a code, a hash map some tens a row.
            if ((long)rows * 16 >= dictionary.Count)
            {
                _dense = new int[dictionary.Count];
                Array.Fill(_dense, Unseen);
                if (_dense.Length > 0) _dense[0] = 0;
            }
            else _sparse = new Dictionary<int, int>(Math.Min(rows, dictionary.Count)) { [0] = 0 };
        }

        public Utf8Dictionary Dictionary { get; }

        /// <summary>True when <paramref name="code"/> was not seen before (code 0, empty or null, is never new).</summary>
        public bool MarkSeen(int code)
        {
            if (_dense is not null)
            {
                if (_dense[code] != Unseen) return false;
                _dense[code] = Seen;
                return true;
            }
            return _sparse!.TryAdd(code, Seen);
        }

        public int Merged(int code, Utf8DictionaryBuilder builder)
        {
            ref var merged = ref _dense is not null
                ? ref _dense[code]
                : ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrNullRef(_sparse!, code);
            if (merged < 0) merged = builder.Intern(Dictionary.GetUtf8(code));
            return merged;
        }
    }
}
