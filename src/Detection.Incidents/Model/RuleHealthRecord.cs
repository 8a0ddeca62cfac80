namespace Detection.Incidents.Model;

/// <summary>How a rule run ended, as SentinelHealth reports it (our names).</summary>
public enum RuleRunStatus
{
    /// <summary>The query ran; whether it fired is in <see cref="RuleHealthRecord.Alerts"/>.</summary>
    Success,

    /// <summary>The query ran, but a table it reads was cut short by the memory budget (see the reason).</summary>
    Degraded,

    /// <summary>The query threw; the other rules ran on.</summary>
    Failure,

    /// <summary>The query ran past the rule time budget and was cancelled.</summary>
    TimedOut,

    /// <summary>The run was skipped because the rule was suppressed after an earlier alert.</summary>
    Suppressed,
}

/// <summary>One run of one rule: the run instant (event time), how it ended, how long it took (wall time) and what it produced.</summary>
public sealed record RuleHealthRecord(
    string RuleId,
    string RuleName,
    DateTime RunTime,
    RuleRunStatus Status,
    TimeSpan Duration,
    long ResultRows,
    int Alerts,
    string? Reason);
