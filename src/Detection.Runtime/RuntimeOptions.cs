using Detection.Kql.Schemas;

namespace Detection.Runtime;

/// <summary>The runtime's settings (README.md, "Settings"). Immutable; validated by <see cref="Validate"/>.</summary>
public sealed record RuntimeOptions
{
    /// <summary>How long after a run instant r the engine waits (in event time) for late events before it runs the rule.</summary>
    public TimeSpan AllowedLateness { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The bytes of retained events the engine may hold; beyond it the oldest are dropped and the runs that lose data are marked Degraded.</summary>
    public long MemoryBudgetBytes { get; init; } = 4L << 30;

    /// <summary>The wall time one query may take before it is cancelled and recorded as TimedOut.</summary>
    public TimeSpan RuleTimeBudget { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>The grid of NRT runs in event time: at most one run per rule per interval.</summary>
    public TimeSpan NrtInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How many runs due at the same instant (each of a different rule) evaluate at once; 1 runs them one after the
    /// other. Outcomes, suppression and statistics are the same whatever the value (README.md, "Parallel runs").
    /// </summary>
    public int RuleParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Table schemas: the queries bind against them, and a table without rows reads as empty.</summary>
    public SchemaSet Schemas { get; init; } = SchemaSet.Default;

    /// <summary>Measures run durations and times out queries; never used for event time.</summary>
    public TimeProvider WallClock { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting when a value is out of range.</summary>
    public RuntimeOptions Validate()
    {
        if (AllowedLateness < TimeSpan.Zero) throw new ArgumentException($"allowed lateness must not be negative (got {AllowedLateness})");
        if (MemoryBudgetBytes <= 0) throw new ArgumentException($"the memory budget must be positive (got {MemoryBudgetBytes} bytes)");
        if (RuleTimeBudget <= TimeSpan.Zero) throw new ArgumentException($"the rule time budget must be positive (got {RuleTimeBudget})");
        if (RuleParallelism < 1) throw new ArgumentException($"the rule parallelism must be at least 1 (got {RuleParallelism})");
        if (NrtInterval <= TimeSpan.Zero) throw new ArgumentException($"the NRT interval must be positive (got {NrtInterval})");
        return this;
    }
}
