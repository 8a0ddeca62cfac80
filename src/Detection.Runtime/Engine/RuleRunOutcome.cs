using Detection.Incidents.Alerts;
using Detection.Incidents.Model;
using Detection.Runtime.Rules;

namespace Detection.Runtime.Engine;

/// <summary>
/// One run of one rule: the run (instant r and window), how it ended, the number of result rows, the alerts it made
/// (empty unless it fired) and the wall time it took.
/// </summary>
public sealed record RuleRunOutcome(
    CompiledRule Rule,
    RuleRun Run,
    RuleRunStatus Status,
    long ResultRows,
    IReadOnlyList<Alert> Alerts,
    TimeSpan Duration,
    string? Reason)
{
    public RuleHealthRecord Health => new(Rule.Id, Rule.Name, Run.Time, Status, Duration, ResultRows, Alerts.Count, Reason);
}
