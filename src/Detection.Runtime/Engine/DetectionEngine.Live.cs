using System.Diagnostics.CodeAnalysis;
using Detection.Runtime.Rules;

namespace Detection.Runtime.Engine;

/// <summary>Where a restarted engine picks a rule up (README.md, "Acknowledging input").</summary>
/// <param name="LastRun">The latest run instant whose effects are durable (rule health): runs at or before it are not run again.</param>
/// <param name="LastAlert">The run instant of the rule's latest stored alert: suppression continues from it.</param>
public sealed record RuleResumePoint(DateTime? LastRun, DateTime? LastAlert);

public sealed partial class DetectionEngine
{
    private readonly Dictionary<string, RuleResumePoint> _resume = new(StringComparer.Ordinal);
    private DateTime? _earliestHeld;

    /// <summary>
    /// Before the engine starts: resume rules from what a previous engine made durable. A scheduled rule's runs at
    /// instants at or before <see cref="RuleResumePoint.LastRun"/> are skipped (their windows may be incomplete now: the
    /// input they read was acknowledged); an NRT rule treats rows before it as run; a suppressed rule stays suppressed
    /// until its latest alert's instant + suppressionDuration. Rules without a point start fresh.
    /// </summary>
    public void Resume(IReadOnlyDictionary<string, RuleResumePoint> points)
    {
        if (_scheduler is not null) throw new InvalidOperationException("resume points must be given before the engine starts");
        foreach (var (id, point) in points) _resume[id] = point;
    }

    /// <summary>
    /// Adds batches without moving the watermark: for a host that computes the watermark itself (a live source with
    /// several partitions punctuates with the minimum of its partitions' latest times) and then calls
    /// <see cref="AdvanceWatermark"/>. Rows are retained and counted late as by <see cref="Ingest(IReadOnlyList{EventBatch})"/>;
    /// an engine not yet started starts at the first advance, at the earliest time held so far floored to the hour.
    /// </summary>
    public void Hold(IReadOnlyList<EventBatch> batches)
    {
        var lateBefore = _lastRun;
        foreach (var batch in batches)
        {
            if (batch.Rows.RowCount == 0) continue;
            if (_scheduler is null && MinTime(batch.Rows) is { } min && (_earliestHeld is null || min < _earliestHeld)) _earliestHeld = min;
            _store.Add(batch.Rows, lateBefore);
        }
    }

    [MemberNotNullWhen(true, nameof(_scheduler))]
    private bool StartIfHeld()
    {
        if (_scheduler is not null) return true;
        if (_earliestHeld is not { } earliest) return false;
        Start(RunGrid.Floor(earliest, TimeSpan.FromHours(1)));
        return _scheduler is not null;
    }

    /// <summary>Applies a resume point at start: the first scheduled instant after it, NRT progress, suppression.</summary>
    private DateTime ResumeFrom(CompiledRule rule, RuleState state)
    {
        if (!_resume.TryGetValue(rule.Id, out var point)) return _from;
        if (point.LastAlert is { } alert && rule.Rule.SuppressionEnabled && rule.Rule.SuppressionDuration is { } duration)
            state.SuppressedUntil = Utc(alert) + duration;
        return point.LastRun is { } last && Utc(last) > _from ? Utc(last) : _from;
    }
}
