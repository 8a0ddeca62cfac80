using Detection.Incidents.Storage;
using Detection.Ingestion;
using Detection.Runtime.Engine;
using Detection.Runtime.Output;
using Detection.Runtime.Rules;
using Detection.Service.Observability;
using Detection.Service.Options;
using Detection.Sources;
using Detection.Tables;
using Microsoft.Extensions.Logging;

namespace Detection.Service.Live;

/// <summary>How a run ended.</summary>
public enum LiveExit
{
    /// <summary>Stopped from outside (SIGTERM, Ctrl-C, host shutdown): open windows are left to the next run.</summary>
    Stopped,

    /// <summary>Idle for <see cref="LiveOptions.StopAfterIdle"/>, or a finite source ended: the remaining windows ran.</summary>
    Completed,
}

/// <summary>
/// The live loop (README.md; ADR 0005): reads source batches, decodes them per partition, holds their rows in the engine,
/// moves the watermark to the slowest owned partition's latest event time, flushes rule health, and commits the source
/// up to the oldest input a window still needs. Through idle periods the wall clock moves the watermark on; after
/// <see cref="LiveOptions.StopAfterIdle"/> the run ends the way a replay ends. Store and source errors propagate (nothing
/// is committed that is not durable). One run per instance; <see cref="Status"/> may be read from other threads.
/// </summary>
public sealed class LiveRunner
{
    private static readonly SourcePartition Unpartitioned = new("", 0);

    private readonly LiveOptions _options;
    private readonly ILoggerFactory _loggers;
    private readonly ILogger _log;
    private readonly LiveMetrics _metrics;
    private readonly TimeProvider _clock;
    private readonly Acknowledger _acknowledger = new();
    private readonly Dictionary<SourcePartition, long> _nextOffset = [];
    private readonly PartitionClock _partitions;
    private DateTimeOffset _lastActivity;

    public LiveRunner(LiveOptions options, ILoggerFactory loggers, LiveMetrics metrics)
    {
        _options = options.Validate();
        _loggers = loggers;
        _log = loggers.CreateLogger("Detection.Service");
        _metrics = metrics;
        _clock = options.Clock;
        _partitions = new PartitionClock(_clock, options.PartitionIdleTimeout);
        metrics.ObservePartitions(() => _partitions.Partitions
            .Where(p => p.Value is not null && _partitions.MaxSeen is not null)
            .Select(p => new System.Diagnostics.Metrics.Measurement<double>((_partitions.MaxSeen!.Value - p.Value!.Value).TotalSeconds,
                new KeyValuePair<string, object?>("partition", p.Key.ToString()))).ToList());
    }

    /// <summary>A snapshot for the health endpoint.</summary>
    public LiveStatus Status { get; private set; } = new("starting", null, null, 0, 0);

    public async Task<LiveExit> RunAsync(CancellationToken stopping)
    {
        var rules = RuleCompiler.Load(_options.RulePaths, _options.Runtime.Schemas);
        foreach (var problem in rules.Problems) _log.LogWarning("rule skipped: {Problem}", problem.ToString());
        if (rules.Rules.Count == 0) throw new ArgumentException($"--rules: no rule could be loaded from {string.Join(", ", _options.RulePaths)}");
        using var store = SqliteIncidentStore.Open(_options.StorePath);
        var recorder = new TimedRecorder(new IncidentRecorder(store, remember: false), _metrics, _clock);
        using var engine = new DetectionEngine(rules.Rules, _options.Runtime with { WallClock = _clock });
        using var subscription = engine.Outcomes.Subscribe(recorder);
        var resume = ResumePoints(store, rules.Rules);
        engine.Resume(resume);
        _log.LogInformation("detect run: {Rules} rules ({Resumed} resumed from the store), source {Source}, store {Store}",
            rules.Rules.Count, resume.Count, _options.Source.ToString(), _options.StorePath);

        var source = SourceFactory.Open(_options.Source, _options.Sources with { LoggerFactory = _loggers });
        await using (source.ConfigureAwait(false))
        {
            var exit = await Loop(source, engine, recorder, stopping).ConfigureAwait(false);
            if (exit == LiveExit.Completed && _partitions.MaxSeen is { } last)
            {
                // As a replay ends: every run up to the last event's time ceiled to the hour.
                engine.Complete(RunGrid.CeilingAfter(last, TimeSpan.FromHours(1)));
            }
            await Acknowledge(source, engine, recorder, CancellationToken.None).ConfigureAwait(false);
            Status = Status with { State = exit == LiveExit.Completed ? "completed" : "stopped" };
            _log.LogInformation("detect run {Exit}: {Rows} rows ({Late} late), {Runs} rule runs, {Alerts} alerts; watermark {Watermark:o}; {Pending} batches left unacknowledged for the next run",
                exit == LiveExit.Completed ? "completed" : "stopped", engine.TableStatistics.Values.Sum(t => t.Read), engine.TableStatistics.Values.Sum(t => t.Late),
                engine.RuleStatistics.Sum(r => r.Runs), engine.RuleStatistics.Sum(r => r.Alerts), engine.Watermark, _acknowledger.Pending);
            return exit;
        }
    }

    private async Task<LiveExit> Loop(ISource source, DetectionEngine engine, TimedRecorder recorder, CancellationToken stopping)
    {
        // Its own token: a run that ends on idle stops the source the same way a shutdown does.
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        var batches = source.ReadAsync(reading.Token).GetAsyncEnumerator(reading.Token);
        Task<bool>? next = null;
        try
        {
            _lastActivity = _clock.GetUtcNow();
            Status = Status with { State = "running" };
            while (true)
            {
                next ??= MoveNext(batches);
                var tick = Task.Delay(_options.IdleTick, _clock, CancellationToken.None);
                await Task.WhenAny(next, tick).ConfigureAwait(false);
                if (next.IsCompleted)
                {
                    var more = await next.ConfigureAwait(false);
                    next = null;
                    if (!more) return stopping.IsCancellationRequested ? LiveExit.Stopped : LiveExit.Completed;
                    Process(batches.Current, engine);
                    await Acknowledge(source, engine, recorder, CancellationToken.None).ConfigureAwait(false);
                    // Idle time counts from the end of the work: a batch that took longer than --stop-after-idle to run
                    // must not end the run before the next poll had a chance to return.
                    _lastActivity = _clock.GetUtcNow();
                    continue;
                }
                if (stopping.IsCancellationRequested) continue; // the source ends its sequence at once when cancelled
                if (_options.Source.IsConsumerGroup && _partitions.Partitions.Count == 0)
                {
                    // Not idle but waiting: a group member owns nothing to read until the group assigns it partitions,
                    // which after a crash takes until the dead member's session times out.
                    _lastActivity = _clock.GetUtcNow();
                    continue;
                }
                var idle = _clock.GetUtcNow() - _lastActivity;
                if (_options.StopAfterIdle is { } stopAfter && idle >= stopAfter)
                {
                    _log.LogInformation("no message for {Idle}: ending the run", idle);
                    return LiveExit.Completed;
                }
                if (idle >= _options.IdleAdvanceAfter && _partitions.MaxSeen is { } seen)
                {
                    // Everything fetched is processed and nothing came: every partition is caught up, so the watermark may
                    // move past the slowest one, and on by the wall time since, so rules that fire on silence still fire.
                    engine.AdvanceWatermark(seen + idle);
                    await Acknowledge(source, engine, recorder, CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            await reading.CancelAsync().ConfigureAwait(false);
            if (next is not null) await next.ConfigureAwait(false); // an async iterator cannot be disposed while it is moving
            await batches.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> MoveNext(IAsyncEnumerator<SourceBatch> batches)
    {
        try
        {
            return await batches.MoveNextAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Process(SourceBatch batch, DetectionEngine engine)
    {
        foreach (var p in batch.Revoked) _partitions.Revoke(p);
        foreach (var p in batch.Assigned) _partitions.Assign(p);
        if (batch.Revoked.Count > 0 || batch.Assigned.Count > 0)
            _log.LogInformation("partitions: assigned {Assigned}, revoked {Revoked}", string.Join(",", batch.Assigned), string.Join(",", batch.Revoked));
        _lastActivity = _clock.GetUtcNow(); // partition changes count: a new owner needs a moment before its first fetch
        var events = new List<EventBatch>();
        foreach (var group in batch.Messages.GroupBy(PartitionOf))
        {
            var fresh = group.Where(m => IsNew(group.Key, m)).ToList();
            if (fresh.Count == 0) continue;
            var loaded = new SourceBatch(fresh, batch.Checkpoint).Decode(new LoadOptions { Schemas = _options.Runtime.Schemas });
            Count(loaded);
            DateTime? latest = null;
            foreach (var table in loaded.Tables.Values)
            {
                events.Add(new EventBatch(table));
                if (EventTimes.Latest(table) is { } t && (latest is null || t > latest)) latest = t;
            }
            _partitions.Observe(group.Key, latest);
        }
        engine.Hold(events);
        if (_partitions.Watermark() is { } watermark) engine.AdvanceWatermark(watermark);
        _acknowledger.Processed(batch.Checkpoint, engine.IngestedSequence);
        Status = new LiveStatus("running", engine.Watermark, engine.IsStarted ? engine.Clock : null, engine.IngestedSequence, _acknowledger.Pending);
    }

    /// <summary>Kafka redelivers what was not committed after a rebalance, also to the same instance: rows already held are skipped.</summary>
    private bool IsNew(SourcePartition partition, SourceMessage message)
    {
        if (message.Origin is not KafkaOrigin kafka) return true;
        if (_nextOffset.TryGetValue(partition, out var next) && kafka.Offset < next) return false;
        _nextOffset[partition] = kafka.Offset + 1;
        return true;
    }

    private void Count(LoadResult loaded)
    {
        foreach (var (table, rows) in loaded.RowsByTable) _metrics.EventsIn.Add(rows, new KeyValuePair<string, object?>("table", table));
        foreach (var (table, rows) in loaded.RejectedByTable) _metrics.EventsRejected.Add(rows, new KeyValuePair<string, object?>("table", table));
        var untabled = loaded.RejectedCount - loaded.RejectedByTable.Values.Sum();
        if (untabled > 0) _metrics.EventsRejected.Add(untabled, new KeyValuePair<string, object?>("table", "(unknown)"));
        foreach (var rejection in loaded.Rejections.Take(3)) _log.LogWarning("rejected: {Rejection}", rejection.ToString());
    }

    private async Task Acknowledge(ISource source, DetectionEngine engine, TimedRecorder recorder, CancellationToken token)
    {
        recorder.Flush();
        if (_acknowledger.Take(engine.OldestNeededSequence) is not { } checkpoint) return;
        var start = _clock.GetTimestamp();
        await source.CommitAsync(checkpoint, token).ConfigureAwait(false);
        _metrics.StoreLatency.Record(_clock.GetElapsedTime(start).TotalMilliseconds, new KeyValuePair<string, object?>("operation", "commit"));
        _log.LogDebug("committed {Checkpoint}", checkpoint.ToString());
    }

    private static SourcePartition PartitionOf(SourceMessage message) =>
        message.Origin is KafkaOrigin k ? new SourcePartition(k.Topic, k.Partition) : Unpartitioned;

    private static Dictionary<string, RuleResumePoint> ResumePoints(SqliteIncidentStore store, IReadOnlyList<CompiledRule> rules)
    {
        var runs = store.LatestRunTimes();
        var alerts = store.LatestAlertTimes();
        var points = new Dictionary<string, RuleResumePoint>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            DateTime? run = runs.TryGetValue(rule.Id, out var r) ? r : null;
            DateTime? alert = alerts.TryGetValue(rule.Id, out var a) ? a : null;
            if (run is not null || alert is not null) points[rule.Id] = new RuleResumePoint(run, alert);
        }
        return points;
    }
}

/// <summary>What the health endpoint reports: state, event-time watermark and clock, chunks ingested, batches not yet committed.</summary>
public sealed record LiveStatus(string State, DateTime? Watermark, DateTime? Clock, long Ingested, int Unacknowledged);
