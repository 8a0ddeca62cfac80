namespace Detection.Ingestion.Input;

/// <summary>
/// Splits the items of a load into contiguous groups of about equal bytes on disk, so that groups read in parallel and
/// joined in group order give the items' order back.
/// </summary>
internal static class InputGroups
{
    /// <summary>At most <paramref name="groups"/> non-empty groups, in order; a single group when there is nothing to share.</summary>
    public static List<InputItem[]> Split(IReadOnlyList<InputItem> items, int groups)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(groups, 1);
        if (groups == 1 || items.Count(i => i.Problem is null) < 2) return [[.. items]];
        var weights = items.Select(Weight).ToArray();
        var total = weights.Sum();
        var split = new List<InputItem>[groups];
        for (var g = 0; g < groups; g++) split[g] = [];
        long before = 0;
        for (var i = 0; i < items.Count; i++)
        {
            // An item goes to the group its midpoint falls in: indices never decrease, so the groups stay contiguous.
            var group = (int)Math.Min(groups - 1, (2 * before + weights[i]) * groups / (2 * total));
            split[group].Add(items[i]);
            before += weights[i];
        }
        return [.. split.Where(g => g.Count > 0).Select(g => g.ToArray())];
    }

    /// <summary>A file's bytes on disk (compressed, for gzip), plus one so that empty files are shared out too.</summary>
    private static long Weight(InputItem item)
    {
        if (item.Problem is not null) return 0;
        try
        {
            return new FileInfo(item.Path).Length + 1;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return 1; // the read will reject it
        }
    }
}
