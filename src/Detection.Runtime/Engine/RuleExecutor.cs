using Detection.Evaluation;
using Detection.Incidents.Alerts;
using Detection.Incidents.Model;
using Detection.Runtime.Rules;
using Detection.Tables;

namespace Detection.Runtime.Engine;

/// <summary>
/// Runs one rule's query for one run and makes its alerts, isolated: whatever the query does (throws, runs past the
/// time budget), the result is an outcome, never an exception, so the other rules run on. Thread-safe.
/// </summary>
internal static class RuleExecutor
{
    public static RuleRunOutcome Execute(CompiledRule rule, RuleRun run, IReadOnlyDictionary<string, Table> tables, StringIds strings,
        RuntimeOptions options, string? degraded)
    {
        var clock = options.WallClock;
        var started = clock.GetTimestamp();
        using var budget = new CancellationTokenSource(options.RuleTimeBudget, clock);
        try
        {
            var context = new EvaluationContext(run.Time, tables, options.Schemas)
            {
                Cancellation = budget.Token,
                ChunkMemo = rule.Memo,
                StringIds = strings,
            };
            var result = KqlEvaluator.Evaluate(rule.Code, context);
            // The budget's timer may not have fired yet on a busy machine: a run that took longer is timed out all the same.
            if (clock.GetElapsedTime(started) > options.RuleTimeBudget) throw new OperationCanceledException(budget.Token);
            var alerts = rule.Fires(result.RowCount) ? AlertFactory.Create(rule.Rule, run, result) : [];
            var status = degraded is null ? RuleRunStatus.Success : RuleRunStatus.Degraded;
            return new RuleRunOutcome(rule, run, status, result.RowCount, alerts, clock.GetElapsedTime(started), degraded);
        }
        catch (OperationCanceledException) when (budget.IsCancellationRequested || clock.GetElapsedTime(started) > options.RuleTimeBudget)
        {
            return new RuleRunOutcome(rule, run, RuleRunStatus.TimedOut, 0, [], clock.GetElapsedTime(started),
                $"the query ran longer than the rule time budget ({options.RuleTimeBudget.TotalSeconds:0.#} s) and was cancelled");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Isolation: a rule's failure (an evaluator limit, a bug) is its own health record, never the engine's crash.
            var reason = e is EvaluationException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            return new RuleRunOutcome(rule, run, RuleRunStatus.Failure, 0, [], clock.GetElapsedTime(started), reason);
        }
    }

    public static RuleRunOutcome Suppressed(CompiledRule rule, RuleRun run, DateTime until) =>
        new(rule, run, RuleRunStatus.Suppressed, 0, [], TimeSpan.Zero, $"suppressed until {until:yyyy-MM-ddTHH:mm:ssZ}");
}
