using Detection.Incidents.Storage;
using Detection.Ingestion;
using Detection.Runtime.Engine;
using Detection.Runtime.Output;
using Detection.Runtime.Rules;

namespace Detection.Runtime.Replay;

/// <summary>What to replay: data paths, rule paths, the store, the range and the settings.</summary>
public sealed record ReplayRequest
{
    public required IReadOnlyList<string> DataPaths { get; init; }

    public required IReadOnlyList<string> RulePaths { get; init; }

    public required string StorePath { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public RuntimeOptions Options { get; init; } = new();

    public string? RejectedFile { get; init; }

    public IProgress<ReplayProgress>? Progress { get; init; }
}

/// <summary>What a replay did: the load, the rules (and broken files), the range, the engine's counters and what it stored.</summary>
public sealed record ReplayResult(
    LoadResult Load,
    CompiledRuleSet Rules,
    ReplayRange? Range,
    IReadOnlyDictionary<string, TableStatistics> Tables,
    IReadOnlyList<RuleStatistics> RuleStatistics,
    IncidentRecorder Recorder,
    long RowsAfterRange);

/// <summary>
/// <c>detect replay</c> without the console: loads the data and the rules, replays in virtual time into the incident
/// store, and returns the counts. Broken rules are in <see cref="ReplayResult.Rules"/> and do not stop the others;
/// store errors propagate.
/// </summary>
public static class ReplayJob
{
    public static ReplayResult Run(ReplayRequest request, SqliteIncidentStore store)
    {
        var options = request.Options.Validate();
        var rules = RuleCompiler.Load(request.RulePaths, options.Schemas);
        var load = DataLoader.Load(request.DataPaths, new LoadOptions { Schemas = options.Schemas, RejectedFile = request.RejectedFile });
        var recorder = new IncidentRecorder(store);
        using var engine = new DetectionEngine(rules.Rules, options);
        using var subscription = engine.Outcomes.Subscribe(recorder);
        var feeder = new ReplayFeeder(load.Tables.Values);
        ReplayRange? range = null;
        if (feeder.First is { } first)
        {
            range = ReplayRange.For(first, feeder.Last!.Value, request.From, request.To);
            feeder.Run(engine, range, Step(rules.Rules), request.Progress);
        }
        recorder.Flush();
        return new ReplayResult(load, rules, range, engine.TableStatistics, engine.RuleStatistics, recorder, feeder.RowsAfterRange);
    }

    /// <summary>The replay slice: the shortest scheduled frequency, between 1 minute and 1 hour.</summary>
    public static TimeSpan Step(IEnumerable<CompiledRule> rules)
    {
        var shortest = rules.Where(r => !r.IsNrt).Select(r => r.Frequency).DefaultIfEmpty(TimeSpan.FromHours(1)).Min();
        return shortest < TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1) : shortest > TimeSpan.FromHours(1) ? TimeSpan.FromHours(1) : shortest;
    }
}
