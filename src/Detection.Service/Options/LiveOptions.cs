using Detection.Runtime;
using Detection.Sources;

namespace Detection.Service.Options;

/// <summary>
/// What <c>detect run</c> runs: the source, the rules, the store, and how the service behaves. Immutable; checked by
/// <see cref="Validate"/> at start with messages that name the setting.
/// </summary>
public sealed record LiveOptions
{
    /// <summary>Where bodies come from (<c>--source</c>).</summary>
    public required SourceUri Source { get; init; }

    /// <summary>Rule files or folders (<c>--rules</c>).</summary>
    public required IReadOnlyList<string> RulePaths { get; init; }

    /// <summary>The SQLite incident store (<c>--store</c>).</summary>
    public required string StorePath { get; init; }

    /// <summary>The engine's settings (allowed lateness, schemas, memory budget…); its wall clock is <see cref="Clock"/>.</summary>
    public RuntimeOptions Runtime { get; init; } = new();

    /// <summary>What the sources get (logging is set by the host; Kafka overrides for tests and tuning).</summary>
    public SourceSettings Sources { get; init; } = new();

    /// <summary>End the run once no message came for this long (<c>--stop-after-idle</c>): the remaining windows up to the
    /// last event's time ceiled to the hour run first, as at the end of a replay. A consumer-group member counts only time
    /// in which it owns partitions (joining the group is not idleness). Null: run until stopped.</summary>
    public TimeSpan? StopAfterIdle { get; init; }

    /// <summary>After this long without messages the wall clock starts moving the watermark on (rules that fire on silence).</summary>
    public TimeSpan IdleAdvanceAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>A partition with no message for this long stops holding the watermark back (a producer that went quiet).</summary>
    public TimeSpan PartitionIdleTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the idle checks run while no batch arrives.</summary>
    public TimeSpan IdleTick { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Rejected records go here as JSON lines when set.</summary>
    public string? RejectedFile { get; init; }

    /// <summary>A port on 127.0.0.1 serving <c>/health</c> and <c>/metrics</c> (<c>--health-port</c>); null: none.</summary>
    public int? HealthPort { get; init; }

    /// <summary>Rolling daily log file (<c>--log-file</c>); null: console only.</summary>
    public string? LogFile { get; init; }

    /// <summary>The wall clock: idle periods and durations only, never event time.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Throws <see cref="ArgumentException"/> naming the setting when a value cannot work.</summary>
    public LiveOptions Validate()
    {
        if (RulePaths.Count == 0) throw new ArgumentException("--rules: give at least one rule file or folder");
        if (string.IsNullOrWhiteSpace(StorePath)) throw new ArgumentException("--store: give the incident store file");
        if (StopAfterIdle is { } idle && idle <= TimeSpan.Zero) throw new ArgumentException($"--stop-after-idle must be positive (got {idle})");
        if (IdleAdvanceAfter <= TimeSpan.Zero) throw new ArgumentException($"idle advance must be positive (got {IdleAdvanceAfter})");
        if (PartitionIdleTimeout <= TimeSpan.Zero) throw new ArgumentException($"partition idle timeout must be positive (got {PartitionIdleTimeout})");
        if (HealthPort is { } port && port is < 1 or > 65535) throw new ArgumentException($"--health-port must be between 1 and 65535 (got {port})");
        Runtime.Validate();
        return this;
    }
}
