using System.Runtime.ExceptionServices;
using Detection.Ingestion.Input;
using Detection.Ingestion.Output;

namespace Detection.Ingestion;

/// <summary>
/// Reads contiguous groups of files on their own threads, each into its own context, and joins the group results in group
/// order, so that tables, rejections, notes, counts and the rejected file are those of one sequential load.
/// </summary>
internal static class ParallelLoad
{
    public static LoadResult Run(IReadOnlyList<InputItem> items, LoadOptions options)
    {
        var groups = InputGroups.Split(items, options.Parallelism);
        if (groups.Count == 1) return DataLoader.LoadInOrder(items, options);
        using var parts = new RejectedParts(options.RejectedFile, groups.Count);
        var results = new LoadResult[groups.Count];
        try
        {
            Parallel.For(0, groups.Count, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism }, group =>
                results[group] = DataLoader.LoadInOrder(groups[group], options with { RejectedFile = parts.PathFor(group), Parallelism = 1 }));
        }
        catch (AggregateException ex)
        {
            // A sequential load fails with the exception itself; callers should not see a different type here.
            ExceptionDispatchInfo.Throw(ex.InnerExceptions[0]);
        }
        parts.Join();
        return LoadMerge.Merge(results, options.MaxRejectionsKept);
    }
}
