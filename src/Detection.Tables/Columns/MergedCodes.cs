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
    private const int Unseen = -1;
    private const int Seen = -2;

    public static (Utf8Dictionary Dictionary, int[] Codes) Of(IReadOnlyList<CodeRun> runs, int rows)
    {
        var maps = new Dictionary<Utf8Dictionary, int[]>(ReferenceEqualityComparer.Instance);
        var values = 0;
        long bytes = 0;
        foreach (var run in runs)
        {
            if (run.Dictionary is not { } dictionary) continue;
            if (!maps.TryGetValue(dictionary, out var map))
            {
                maps[dictionary] = map = new int[dictionary.Count];
                Array.Fill(map, Unseen);
                if (map.Length > 0) map[0] = 0;
            }
            for (var row = run.Start; row < run.Start + run.Count; row++)
            {
                var code = run.Codes![row];
                if (map[code] != Unseen) continue;
                map[code] = Seen;
                values++;
                bytes += dictionary.ByteLength(code);
            }
        }
        var builder = Utf8DictionaryBuilder.Sized(values, bytes);
        var codes = new int[rows];
        var at = 0;
        foreach (var run in runs)
        {
            if (run.Dictionary is not { } dictionary)
            {
                at += run.Count;
                continue;
            }
            var map = maps[dictionary];
            for (var row = run.Start; row < run.Start + run.Count; row++)
            {
                var code = run.Codes![row];
                var merged = map[code];
                if (merged < 0) merged = map[code] = builder.Intern(dictionary.GetUtf8(code));
                codes[at++] = merged;
            }
        }
        return (builder.Build(), codes);
    }
}
