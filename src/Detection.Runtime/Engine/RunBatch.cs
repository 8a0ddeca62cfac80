using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;

namespace Detection.Runtime.Engine;

/// <summary>
/// Evaluates the runs due at one instant, up to a given number at once, and returns their outcomes in the runs' order
/// whatever order they ran in. Each run is isolated by <see cref="RuleExecutor"/>, so only what it lets through
/// (running out of memory) reaches the caller, as itself rather than wrapped.
/// </summary>
internal static class RunBatch
{
    /// <param name="runs">The runs, each with its expected wall time (any consistent estimate; it only orders the work).</param>
    public static RuleRunOutcome[] Evaluate(IReadOnlyList<(Func<RuleRunOutcome> Run, TimeSpan Expected)> runs, int parallelism)
    {
        var outcomes = new RuleRunOutcome[runs.Count];
        if (parallelism <= 1 || runs.Count <= 1)
        {
            for (var i = 0; i < runs.Count; i++) outcomes[i] = runs[i].Run();
            return outcomes;
        }
        // Longest first, handed out one at a time: the batch ends when its slowest worker does, so the long runs must not come last.
        var order = Enumerable.Range(0, runs.Count).OrderByDescending(i => runs[i].Expected).ToArray();
        try
        {
            Parallel.ForEach(
                Partitioner.Create(order, EnumerablePartitionerOptions.NoBuffering),
                new ParallelOptions { MaxDegreeOfParallelism = parallelism },
                i => outcomes[i] = runs[i].Run());
        }
        catch (AggregateException e)
        {
            ExceptionDispatchInfo.Throw(e.InnerExceptions[0]);
        }
        return outcomes;
    }
}
