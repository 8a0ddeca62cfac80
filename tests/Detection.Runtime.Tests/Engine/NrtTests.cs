using Detection.Runtime.Engine;
using static Detection.Runtime.Tests.Support.Harness;

namespace Detection.Runtime.Tests.Engine;

public sealed class NrtTests
{
    private static readonly string Nrt = "kind: NRT";

    [Fact]
    public void An_NRT_rule_runs_once_per_second_of_event_time_that_has_events_over_that_second()
    {
        var rule = Rule("nrt", "Events", Nrt);
        var (engine, outcomes) = NewEngine(Options(TimeSpan.FromMinutes(5)), rule);
        engine.Start(T("2026-11-02T00:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:00:01.2Z", "a"), ("2026-11-02T00:00:01.7Z", "b"), ("2026-11-02T00:00:03.5Z", "c"))));
        // NRT rules do not wait for the allowed lateness: the watermark (00:00:03.5) has passed 00:00:02 already.
        var first = Assert.Single(outcomes);
        Assert.Equal(T("2026-11-02T00:00:02Z"), first.Run.Time);
        Assert.Equal(2, first.ResultRows);
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:00:04.1Z", "d"))));
        Assert.Equal([T("2026-11-02T00:00:02Z"), T("2026-11-02T00:00:04Z")], outcomes.Select(o => o.Run.Time));
        Assert.Equal(1, outcomes[1].ResultRows);
    }

    [Fact]
    public void Rows_that_arrive_after_their_second_was_run_join_the_next_NRT_run()
    {
        var rule = Rule("nrtLate", "Events", Nrt);
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:00:01Z", "a"), ("2026-11-02T00:00:05Z", "b"))));
        Assert.Single(outcomes); // the second 00:00:01; 00:00:05 waits for the watermark to pass 00:00:06
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:00:02Z", "late"), ("2026-11-02T00:00:07Z", "c"))));
        var second = outcomes[1];
        Assert.Equal(T("2026-11-02T00:00:06Z"), second.Run.Time);
        Assert.Equal(2, second.ResultRows); // b and the late row
        engine.Complete(T("2026-11-02T00:01:00Z"));
        Assert.Equal(4, outcomes.Sum(o => o.ResultRows));
    }

    [Fact]
    public void NRT_alerts_are_capped_at_30_per_run()
    {
        var rule = Rule("nrtCap", "Events", Nrt + "\neventGroupingSettings:\n  aggregationKind: AlertPerResult");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"));
        engine.Ingest(new EventBatch(Events(Enumerable.Range(0, 40).Select(i => (T("2026-11-02T00:00:01Z").AddMilliseconds(i), $"u{i}")))));
        engine.Complete(T("2026-11-02T00:01:00Z"));
        Assert.Equal(30, Assert.Single(outcomes).Alerts.Count);
    }
}
