using Detection.Incidents.Model;
using Detection.Runtime.Engine;
using static Detection.Runtime.Tests.Support.Harness;

namespace Detection.Runtime.Tests.Engine;

/// <summary>What a live host needs: holding the watermark while partitions catch up, and resuming after a restart.</summary>
public sealed class ResumeAndHoldTests
{
    private const string Every10m = "queryFrequency: 10m\nqueryPeriod: 10m";

    [Fact]
    public void Held_rows_do_not_move_the_watermark_and_the_engine_starts_at_the_earliest_held_hour_on_the_first_advance()
    {
        var (engine, outcomes) = NewEngine(Options(), Rule("held", "Events", Every10m));
        engine.Hold([new EventBatch(Events(("2026-11-02T03:40:00Z", "late-partition")))]);
        engine.Hold([new EventBatch(Events(("2026-11-02T01:05:00Z", "early-partition")))]);
        Assert.False(engine.IsStarted);
        Assert.Null(engine.Watermark);
        Assert.Empty(outcomes);

        engine.AdvanceWatermark(T("2026-11-02T01:20:00Z"));
        Assert.Equal([T("2026-11-02T01:10:00Z"), T("2026-11-02T01:20:00Z")], outcomes.Select(o => o.Run.Time));
        Assert.Equal(1, outcomes[0].ResultRows); // the early partition's row; the later one waits for its window
        engine.Complete(T("2026-11-02T04:00:00Z"));
        Assert.Equal(2, outcomes.Sum(o => o.ResultRows));
        Assert.Equal(0, engine.TableStatistics["Events"].Late);
    }

    [Fact]
    public void A_resumed_rule_skips_the_runs_already_recorded_and_runs_the_later_ones()
    {
        var rule = Rule("resumed", "Events", Every10m);
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Resume(new Dictionary<string, RuleResumePoint> { [rule.Id] = new(T("2026-11-02T00:30:00Z"), null) });
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:05:00Z", "a"), ("2026-11-02T00:35:00Z", "b"))));
        engine.Complete(T("2026-11-02T01:00:00Z"));
        Assert.Equal([T("2026-11-02T00:40:00Z"), T("2026-11-02T00:50:00Z"), T("2026-11-02T01:00:00Z")], outcomes.Select(o => o.Run.Time));
        Assert.Equal(1, outcomes[0].ResultRows);
    }

    [Fact]
    public void A_resumed_NRT_rule_does_not_run_again_rows_before_its_last_run()
    {
        var rule = Rule("nrtResumed", "Events", "kind: NRT");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Resume(new Dictionary<string, RuleResumePoint> { [rule.Id] = new(T("2026-11-02T00:00:03Z"), null) });
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:00:01Z", "ran"), ("2026-11-02T00:00:02.5Z", "ran too"), ("2026-11-02T00:00:04Z", "new"))));
        engine.Complete(T("2026-11-02T00:01:00Z"));
        var run = Assert.Single(outcomes);
        Assert.Equal(T("2026-11-02T00:00:05Z"), run.Run.Time);
        Assert.Equal(1, run.ResultRows);
    }

    [Fact]
    public void A_resumed_rule_stays_suppressed_after_its_latest_stored_alert()
    {
        var rule = Rule("suppressed", "Events", Every10m + "\nsuppressionEnabled: true\nsuppressionDuration: 30m");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Resume(new Dictionary<string, RuleResumePoint> { [rule.Id] = new(T("2026-11-02T00:10:00Z"), T("2026-11-02T00:10:00Z")) });
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:15:00Z", "a"), ("2026-11-02T00:35:00Z", "b"), ("2026-11-02T00:45:00Z", "c"))));
        engine.Complete(T("2026-11-02T01:00:00Z"));
        Assert.Equal(
            [RuleRunStatus.Suppressed, RuleRunStatus.Suppressed, RuleRunStatus.Success, RuleRunStatus.Suppressed, RuleRunStatus.Suppressed],
            outcomes.Select(o => o.Status));
        Assert.Equal(T("2026-11-02T00:40:00Z"), outcomes[2].Run.Time);
    }

    [Fact]
    public void Resume_points_are_refused_once_the_engine_runs()
    {
        var rule = Rule("late", "Events");
        var (engine, _) = NewEngine(Options(), rule);
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:05:00Z", "a"))));
        Assert.Throws<InvalidOperationException>(() => engine.Resume(new Dictionary<string, RuleResumePoint>()));
    }
}
