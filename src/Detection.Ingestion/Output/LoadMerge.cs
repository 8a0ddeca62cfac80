using Detection.Tables;

namespace Detection.Ingestion.Output;

/// <summary>Joins the results of consecutive groups of inputs into the result one context reading them all in order gives.</summary>
internal static class LoadMerge
{
    public static LoadResult Merge(IReadOnlyList<LoadResult> parts, int maxRejectionsKept)
    {
        // Each part kept the first rejections of its own, so the first kept of the joined list are the sequential load's.
        var rejections = parts.SelectMany(p => p.Rejections).Take(maxRejectionsKept).ToList();
        return new LoadResult(
            Tables(parts),
            rejections,
            parts.Sum(p => p.RejectedCount),
            Sum(parts.Select(p => p.SkippedByCategory)),
            Notes(parts),
            parts.Sum(p => p.FilesRead))
        {
            RejectedByTable = Sum(parts.Select(p => p.RejectedByTable)),
        };
    }

    private static Dictionary<string, Table> Tables(IReadOnlyList<LoadResult> parts) =>
        parts.SelectMany(p => p.Tables.Values)
            .GroupBy(t => t.Name, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            // Every part resolves a table name in the same immutable SchemaSet, so the parts of a table share its schema.
            .ToDictionary(g => g.Key, g => new Table(g.First().Schema, g.SelectMany(t => t.Chunks)), StringComparer.Ordinal);

    /// <summary>Keys in first-seen order, as one context's dictionary would list them.</summary>
    private static Dictionary<string, long> Sum(IEnumerable<IReadOnlyDictionary<string, long>> counts)
    {
        var sum = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (key, count) in counts.SelectMany(c => c)) sum[key] = sum.GetValueOrDefault(key) + count;
        return sum;
    }

    private static List<string> Notes(IReadOnlyList<LoadResult> parts)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        return [.. parts.SelectMany(p => p.Notes).Where(seen.Add)];
    }
}
