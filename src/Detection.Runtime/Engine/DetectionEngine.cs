using System.Reactive.Concurrency;
using System.Reactive.Disposables;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using Detection.Evaluation;
using Detection.Incidents.Alerts;
using Detection.Runtime.Rules;
using Detection.Runtime.Windows;
using Detection.Tables;

namespace Detection.Runtime.Engine;

/// <summary>
/// Runs rules over event batches in event time, as Sentinel schedules them (README.md, "Scheduling"). Time is a
/// <see cref="HistoricalScheduler"/> whose clock is the watermark (the latest event time seen, or a punctuation)
/// minus the allowed lateness: a scheduled run at r happens once that clock reaches r, over the rows with
/// TimeGenerated in [r − queryPeriod, r), with now() = r. Live mode and replay differ only in who feeds batches and
/// punctuation, so the same input gives the same outcomes. Outcomes are published on <see cref="Outcomes"/>
/// synchronously, before <see cref="Ingest"/> returns, so a subscriber that stores them makes them durable before
/// the caller acknowledges the input. The runs due at one instant evaluate in parallel
/// (<see cref="RuntimeOptions.RuleParallelism"/>) and are published afterwards in rule order, on the caller's thread
/// (README.md, "Parallel runs"). Not thread-safe: feed it from one thread (an Rx subscription does).
/// </summary>
public sealed partial class DetectionEngine : IDisposable
{
    private readonly RuntimeOptions _options;
    private readonly IReadOnlyList<CompiledRule> _rules;
    private readonly Dictionary<CompiledRule, RuleState> _states = [];
    private readonly Dictionary<CompiledRule, RuleStatistics> _statistics = [];
    private readonly Subject<RuleRunOutcome> _outcomes = new();
    private readonly WindowCache _windowCache = new();
    private StringIds _strings = new();
    private readonly Dictionary<DateTime, List<CompiledRule>> _due = [];
    private readonly WindowStore _store;
    private readonly Dictionary<string, TimeSpan?> _retention = new(StringComparer.Ordinal);
    private HistoricalScheduler? _scheduler;
    private DateTime _from;
    private DateTime? _to;
    private DateTime _lastRun = DateTime.MinValue;

    public DetectionEngine(IReadOnlyList<CompiledRule> rules, RuntimeOptions options)
    {
        _options = options.Validate();
        _rules = rules.OrderBy(r => r.Order).ToList();
        foreach (var rule in _rules)
        {
            _states[rule] = new RuleState();
            _statistics[rule] = new RuleStatistics(rule);
        }
        _store = new WindowStore(Retention, options.MemoryBudgetBytes);
    }

    /// <summary>Every run's outcome, in run order (scheduled runs by instant, then rule order).</summary>
    public IObservable<RuleRunOutcome> Outcomes => _outcomes.AsObservable();

    public IReadOnlyList<CompiledRule> Rules => _rules;

    public bool IsStarted => _scheduler is not null;

    /// <summary>The latest event time seen or punctuated; null before the first batch.</summary>
    public DateTime? Watermark { get; private set; }

    /// <summary>The event time up to which runs have happened (watermark − allowed lateness).</summary>
    public DateTime Clock => _scheduler?.Now.UtcDateTime ?? _from;

    public IReadOnlyDictionary<string, TableStatistics> TableStatistics => _store.Statistics;

    public IReadOnlyList<RuleStatistics> RuleStatistics => _rules.Select(r => _statistics[r]).ToList();

    /// <summary>
    /// The arrival sequence of the latest chunk ingested (each chunk of each batch takes the next number). With
    /// <see cref="OldestNeededSequence"/> a live host knows which input it may acknowledge (README.md, "Acknowledging input").
    /// </summary>
    public long IngestedSequence => _store.Sequence;

    /// <summary>
    /// The smallest arrival sequence of rows some future run may still read; null when no retained row is needed.
    /// Input whose chunks all have smaller sequences has had all its effects: it may be acknowledged to its source.
    /// </summary>
    public long? OldestNeededSequence => _store.OldestRetainedSequence;

    /// <summary>Bytes of retained rows (an estimate: see README.md, "Memory").</summary>
    public long RetainedBytes => _store.Bytes;

    /// <summary>
    /// Fixes the range: scheduled rules run at the multiples of their queryFrequency since the Unix epoch in
    /// (<paramref name="from"/>, <paramref name="to"/>]; NRT rules from <paramref name="from"/> on. Without a call,
    /// the first batch starts the engine at its earliest time floored to the hour, with no end.
    /// </summary>
    public void Start(DateTime from, DateTime? to = null)
    {
        if (_scheduler is not null) throw new InvalidOperationException("the engine is already started");
        _from = Utc(from);
        _to = to is { } t ? Utc(t) : null;
        if (_to <= _from) throw new ArgumentException($"the range end {_to:O} is not after its start {_from:O}");
        _scheduler = new HistoricalScheduler(new DateTimeOffset(_from));
        foreach (var rule in _rules)
        {
            var state = _states[rule];
            var resumeFrom = ResumeFrom(rule, state);
            if (rule.IsNrt)
            {
                state.NrtThrough = state.NrtFloor = resumeFrom;
                continue;
            }
            ScheduleRun(rule, RunGrid.FirstAfter(resumeFrom, rule.Frequency));
        }
    }

    /// <summary>Feeds the engine from an observable of batches (completion ends nothing: call <see cref="Complete"/>).</summary>
    public IDisposable Subscribe(IObservable<EventBatch> batches) => batches.Subscribe(Ingest);

    /// <summary>Adds a batch: retains its rows, moves the watermark to its latest time, and runs what became due.</summary>
    public void Ingest(EventBatch batch) => Ingest([batch]);

    /// <summary>
    /// Adds batches that arrived together (one poll, one replay slice): a row earlier than a scheduled run that already
    /// happened is counted late (and still kept for windows not yet run); then the watermark moves to their latest time
    /// and what became due runs once.
    /// </summary>
    public void Ingest(IReadOnlyList<EventBatch> batches)
    {
        if (_scheduler is null)
        {
            foreach (var min in batches.Select(b => MinTime(b.Rows)).OfType<DateTime>())
                if (_earliestHeld is null || min < _earliestHeld) _earliestHeld = min;
            StartIfHeld();
        }
        // Late: earlier than a scheduled run that has already happened, so at least one window that should hold it ran without it.
        var lateBefore = _lastRun;
        foreach (var batch in batches)
        {
            if (batch.Rows.RowCount == 0) continue;
            if (_store.Add(batch.Rows, lateBefore) is { } latest && (Watermark is null || Utc(latest) > Watermark)) Watermark = Utc(latest);
        }
        if (_scheduler is not null && Watermark is not null) Advance();
    }

    /// <summary>
    /// Moves the watermark to <paramref name="time"/> without events (a punctuation: "no event earlier than this is
    /// still coming", or the wall clock through an idle period) and runs what became due.
    /// </summary>
    public void AdvanceWatermark(DateTime time)
    {
        if (!StartIfHeld()) return;
        time = Utc(time);
        if (Watermark is null || time > Watermark) Watermark = time;
        Advance();
    }

    /// <summary>Ends the range: runs every scheduled run up to <paramref name="to"/> (default: the range end, else the watermark ceiled to the hour) and the pending NRT rows before it.</summary>
    public void Complete(DateTime? to = null)
    {
        if (!StartIfHeld()) return;
        var end = Utc(to ?? _to ?? RunGrid.CeilingAfter(Watermark ?? _from, TimeSpan.FromHours(1)));
        _to ??= end;
        if (Watermark is null || end + _options.AllowedLateness > Watermark) Watermark = end + _options.AllowedLateness;
        RunNrt(end);
        if (end > Clock) _scheduler.AdvanceTo(new DateTimeOffset(end));
        _windowCache.Clear();
    }

    public void Dispose() => _outcomes.Dispose();

    private void Advance()
    {
        RunNrt(Watermark!.Value);
        var target = Watermark.Value - _options.AllowedLateness;
        if (_to is { } to && target > to) target = to;
        if (target > Clock) _scheduler!.AdvanceTo(new DateTimeOffset(target));
        _windowCache.Clear();
        _store.Evict(Clock);
    }

    /// <summary>Adds the rule's run at <paramref name="instant"/> to that instant's batch: one scheduler item per instant.</summary>
    private void ScheduleRun(CompiledRule rule, DateTime instant)
    {
        if (_to is { } to && instant > to) return;
        if (_due.TryGetValue(instant, out var batch))
        {
            batch.Add(rule);
            return;
        }
        _due[instant] = [rule];
        _scheduler!.Schedule(new DateTimeOffset(instant), () => RunDue(instant));
    }

    /// <summary>
    /// Runs the batch of one instant: the runs evaluate in parallel, then are published in rule order, each followed by
    /// scheduling the rule's next run. Suppression is decided before: it depends only on earlier instants, all published.
    /// </summary>
    private void RunDue(DateTime instant)
    {
        _due.Remove(instant, out var batch);
        // Stable: rules of equal order (tests' rules) keep the order they were scheduled in.
        var rules = batch!.OrderBy(r => r.Order).ToList();
        if (instant > _lastRun) _lastRun = instant;
        TrimStringIds();
        var outcomes = RunBatch.Evaluate(rules.Select(r => PrepareRun(r, instant)).ToList(), _options.RuleParallelism);
        for (var i = 0; i < rules.Count; i++)
        {
            Publish(outcomes[i]);
            ScheduleRun(rules[i], instant + rules[i].Frequency);
        }
    }

    /// <summary>
    /// Reads what a run needs from the engine's state (here, on the engine's thread): the returned run only reads the
    /// store. Its expected wall time is the rule's average so far.
    /// </summary>
    private (Func<RuleRunOutcome> Run, TimeSpan Expected) PrepareRun(CompiledRule rule, DateTime instant)
    {
        var run = new RuleRun(instant, instant - rule.Period);
        var state = _states[rule];
        if (instant < state.SuppressedUntil)
        {
            var suppressed = RuleExecutor.Suppressed(rule, run, state.SuppressedUntil);
            return (() => suppressed, TimeSpan.Zero);
        }
        var view = new WindowView(_store, rule, run.WindowStart, run.Time, _windowCache);
        var degraded = Degradation(rule, run.WindowStart);
        var strings = _strings;
        return (() => RuleExecutor.Execute(rule, run, view, strings, _options, degraded), _statistics[rule].AverageTime);
    }

    /// <summary>
    /// Starts the string ids the runs share afresh once they hold more than <see cref="MaxStringIds"/> strings (between
    /// runs, never during one): they are a cache, and the strings of evicted segments would otherwise stay.
    /// </summary>
    private void TrimStringIds()
    {
        if (_strings.Count > MaxStringIds) _strings = new StringIds();
    }

    /// <summary>Some 50-100 bytes a string: its UTF-8 text, its slots and the share of the dictionaries' code-to-id arrays.</summary>
    private const int MaxStringIds = 2_000_000;

    private void Publish(RuleRunOutcome outcome)
    {
        var rule = outcome.Rule;
        if (outcome.Alerts.Count > 0 && rule.Rule.SuppressionEnabled && rule.Rule.SuppressionDuration is { } duration)
            _states[rule].SuppressedUntil = outcome.Run.Time + duration;
        _statistics[rule].Record(outcome);
        _outcomes.OnNext(outcome);
    }

    private string? Degradation(CompiledRule rule, DateTime windowStart)
    {
        foreach (var window in _store.Tables)
        {
            if (rule.Reads(window.Schema.Name) && window.TruncatedThrough is { } cut && cut >= windowStart)
                return $"memory budget: rows of {window.Schema.Name} up to {cut:yyyy-MM-ddTHH:mm:ssZ} were dropped; this run's window starts {windowStart:yyyy-MM-ddTHH:mm:ssZ}";
        }
        return null;
    }

    private TimeSpan? Retention(string table)
    {
        if (_retention.TryGetValue(table, out var known)) return known;
        TimeSpan? longest = null;
        foreach (var rule in _rules)
        {
            if (!rule.Reads(table)) continue;
            var need = rule.IsNrt ? _options.NrtInterval : rule.Period;
            if (longest is null || need > longest) longest = need;
        }
        _retention[table] = longest;
        return longest;
    }

    private static DateTime Utc(DateTime time) => Incidents.Times.Utc(time);
}
