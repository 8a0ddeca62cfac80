using Detection.Incidents.Model;
using Detection.Runtime.Rules;

namespace Detection.Runtime.Engine;

/// <summary>Totals of one rule over an engine's life: runs by status, alerts, and the wall time its queries took.</summary>
public sealed class RuleStatistics(CompiledRule rule)
{
    public CompiledRule Rule { get; } = rule;

    public long Runs { get; private set; }

    public long Alerts { get; private set; }

    /// <summary>Runs that failed or timed out.</summary>
    public long Errors { get; private set; }

    public long Suppressed { get; private set; }

    public long Degraded { get; private set; }

    public TimeSpan Time { get; private set; }

    /// <summary>The mean wall time of the runs so far (suppressed ones excluded); zero before the first.</summary>
    public TimeSpan AverageTime => Runs == 0 ? TimeSpan.Zero : Time / Runs;

    /// <summary>The reason of the latest failed run, if any.</summary>
    public string? LastError { get; private set; }

    internal void Record(RuleRunOutcome outcome)
    {
        Time += outcome.Duration;
        switch (outcome.Status)
        {
            case RuleRunStatus.Suppressed:
                Suppressed++;
                return;
            case RuleRunStatus.Failure or RuleRunStatus.TimedOut:
                Errors++;
                LastError = outcome.Reason;
                break;
            case RuleRunStatus.Degraded:
                Degraded++;
                break;
        }
        Runs++;
        Alerts += outcome.Alerts.Count;
    }
}
