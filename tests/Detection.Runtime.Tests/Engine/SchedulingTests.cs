using Detection.Incidents.Model;
using Detection.Runtime.Engine;
using static Detection.Runtime.Tests.Support.Harness;

namespace Detection.Runtime.Tests.Engine;

/// <summary>Pins the scheduling semantics of issue #5, bullet by bullet (README.md, "Scheduling").</summary>
public sealed class SchedulingTests
{
    [Fact]
    public void Scheduled_rules_run_at_multiples_of_their_frequency_since_the_epoch_within_the_range()
    {
        var rule = Rule("every7m", "Events", "queryFrequency: 7m\nqueryPeriod: 7m");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T00:30:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:10:00Z", "a"))));
        engine.Complete();

        // 7 minutes do not divide a day: the grid is anchored at 1970-01-01, not at the range start.
        var expected = new List<DateTime>();
        for (var r = RunGrid.FirstAfter(T("2026-11-02T00:00:00Z"), TimeSpan.FromMinutes(7)); r <= T("2026-11-02T00:30:00Z"); r += TimeSpan.FromMinutes(7))
            expected.Add(r);
        Assert.Equal(expected, outcomes.Select(o => o.Run.Time));
        Assert.All(expected, r => Assert.Equal(0, (r - DateTime.UnixEpoch).Ticks % TimeSpan.FromMinutes(7).Ticks));
        Assert.NotEqual(T("2026-11-02T00:07:00Z"), expected[0]);
    }

    [Fact]
    public void A_run_sees_rows_in_r_minus_period_inclusive_to_r_exclusive()
    {
        var rule = Rule("window", "Events", "queryFrequency: 1h\nqueryPeriod: 1h");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T02:00:00Z"));
        engine.Ingest(new EventBatch(Events(
            ("2026-11-02T00:00:00Z", "at-start-of-first-window"),
            ("2026-11-02T00:59:59.9999999Z", "last-tick-of-first-window"),
            ("2026-11-02T01:00:00Z", "exactly-r"))));
        engine.Complete();

        var first = outcomes.Single(o => o.Run.Time == T("2026-11-02T01:00:00Z"));
        Assert.Equal(2, first.ResultRows);
        Assert.Equal(T("2026-11-02T00:00:00Z"), first.Run.WindowStart);
        var second = outcomes.Single(o => o.Run.Time == T("2026-11-02T02:00:00Z"));
        Assert.Equal(1, second.ResultRows);
    }

    [Fact]
    public void Now_is_the_run_instant_so_ago_counts_back_from_r()
    {
        var rule = Rule("ago", "Events | where TimeGenerated > ago(10m)", "queryFrequency: 1h\nqueryPeriod: 1h");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T01:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:45:00Z", "old"), ("2026-11-02T00:55:00Z", "recent"))));
        engine.Complete();

        var run = Assert.Single(outcomes);
        Assert.Equal(1, run.ResultRows);
        Assert.Equal("recent", Assert.Single(Assert.Single(run.Alerts).Entities).Properties["FullName"]);
    }

    [Fact]
    public void A_run_waits_until_the_watermark_passes_r_plus_the_allowed_lateness()
    {
        var rule = Rule("late", "Events", "queryFrequency: 1h\nqueryPeriod: 1h");
        var (engine, outcomes) = NewEngine(Options(TimeSpan.FromMinutes(5)), rule);
        engine.Start(T("2026-11-02T00:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:30:00Z", "a"))));
        engine.Ingest(new EventBatch(Events(("2026-11-02T01:04:59Z", "b"))));
        Assert.Empty(outcomes);

        // A late row of the first window, still within the lateness, is counted in its run.
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:59:00Z", "late-but-allowed"))));
        Assert.Empty(outcomes);
        engine.Ingest(new EventBatch(Events(("2026-11-02T01:05:00Z", "c"))));
        var run = Assert.Single(outcomes);
        Assert.Equal(T("2026-11-02T01:00:00Z"), run.Run.Time);
        Assert.Equal(2, run.ResultRows);
        Assert.Equal(0, engine.TableStatistics["Events"].Late);

        // After the run at 01:00, a row of its window is late: counted, and not in the next window either.
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:58:00Z", "too-late"))));
        Assert.Equal(1, engine.TableStatistics["Events"].Late);
        engine.Complete(T("2026-11-02T02:00:00Z"));
        Assert.Equal(2, outcomes.Last().ResultRows);
    }

    [Theory]
    [InlineData("gt", 2, 3, true)]
    [InlineData("gt", 3, 3, false)]
    [InlineData("GreaterThan", 2, 3, true)]
    [InlineData("lt", 4, 3, true)]
    [InlineData("LessThan", 3, 3, false)]
    [InlineData("eq", 3, 3, true)]
    [InlineData("Equal", 2, 3, false)]
    [InlineData("ne", 2, 3, true)]
    [InlineData("NotEqual", 3, 3, false)]
    public void A_run_fires_when_the_row_count_compares_to_the_threshold(string op, int threshold, int rows, bool fires)
    {
        var rule = Rule("trigger" + op, "Events", $"queryFrequency: 1h\nqueryPeriod: 1h\ntriggerOperator: {op}\ntriggerThreshold: {threshold}");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T01:00:00Z"));
        engine.Ingest(new EventBatch(Events(Enumerable.Range(0, rows).Select(i => (T("2026-11-02T00:10:00Z").AddMinutes(i), $"u{i}")))));
        engine.Complete();
        Assert.Equal(fires, Assert.Single(outcomes).Alerts.Count > 0);
    }

    [Fact]
    public void An_eq_0_rule_fires_on_an_empty_window_with_the_window_as_its_times()
    {
        var rule = Rule("silence", "Other", "queryFrequency: 1h\nqueryPeriod: 1h\ntriggerOperator: eq\ntriggerThreshold: 0");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T01:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:10:00Z", "a"))));
        engine.Complete();
        var alert = Assert.Single(Assert.Single(outcomes).Alerts);
        Assert.Equal(T("2026-11-02T01:00:00Z"), alert.Time);
        Assert.Equal(T("2026-11-02T00:00:00Z"), alert.StartTime);
        Assert.Equal(T("2026-11-02T01:00:00Z"), alert.EndTime);
    }

    [Fact]
    public void Alert_time_is_r_and_its_start_and_end_are_the_rows_min_and_max_TimeGenerated()
    {
        var rule = Rule("times", "Events", "queryFrequency: 1h\nqueryPeriod: 1h");
        var (engine, outcomes) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T01:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:20:00Z", "a"), ("2026-11-02T00:40:00Z", "b"))));
        engine.Complete();
        var alert = Assert.Single(Assert.Single(outcomes).Alerts);
        Assert.Equal(T("2026-11-02T01:00:00Z"), alert.Time);
        Assert.Equal(T("2026-11-02T00:20:00Z"), alert.StartTime);
        Assert.Equal(T("2026-11-02T00:40:00Z"), alert.EndTime);
    }

    [Fact]
    public void AlertPerResult_makes_one_alert_per_row_and_SingleAlert_one_per_run()
    {
        var single = Rule("single", "Events", "queryFrequency: 1h\nqueryPeriod: 1h", order: 0);
        var perRow = Rule("perRow", "Events", "queryFrequency: 1h\nqueryPeriod: 1h\neventGroupingSettings:\n  aggregationKind: AlertPerResult", order: 1);
        var (engine, outcomes) = NewEngine(Options(), single, perRow);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T01:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:20:00Z", "a"), ("2026-11-02T00:40:00Z", "b"), ("2026-11-02T00:50:00Z", "c"))));
        engine.Complete();
        Assert.Single(outcomes.Single(o => o.Rule == single).Alerts);
        Assert.Equal(3, outcomes.Single(o => o.Rule == perRow).Alerts.Count);
    }

    [Fact]
    public void Suppression_skips_runs_strictly_inside_r_to_r_plus_the_duration()
    {
        var rule = Rule("suppressed", "Events", SuppressingHourly);
        var (engine, outcomes) = NewEngine(Options(), rule);
        ReplayFourHours(engine);

        Assert.Equal(SuppressedEveryOtherRun, outcomes.Select(o => (o.Run.Time, o.Status)));
        Assert.Equal(2, outcomes.Sum(o => o.Alerts.Count));
    }

    [Fact]
    public void Rules_due_at_the_same_instant_run_in_rule_order()
    {
        var rules = Enumerable.Range(0, 5).Select(i => Rule($"r{i}", "Events", order: i)).Reverse().ToArray();
        var (engine, outcomes) = NewEngine(Options(), rules);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T02:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:20:00Z", "a"))));
        engine.Complete();
        Assert.Equal(["r0", "r1", "r2", "r3", "r4", "r0", "r1", "r2", "r3", "r4"], outcomes.Select(o => o.Rule.Name));
    }

    [Fact]
    public void Rules_of_different_frequencies_due_at_the_same_instant_run_in_rule_order()
    {
        // The 30-minute rule's 01:00 run is scheduled after the hourly rule's (at its 00:30 run), yet it comes first.
        var fast = Rule("fast", "Events", "queryFrequency: 30m\nqueryPeriod: 30m", order: 0);
        var slow = Rule("slow", "Events", "queryFrequency: 1h\nqueryPeriod: 1h", order: 1);
        var (engine, outcomes) = NewEngine(Options(), fast, slow);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T02:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:20:00Z", "a"))));
        engine.Complete();
        Assert.Equal(["00:30 fast", "01:00 fast", "01:00 slow", "01:30 fast", "02:00 fast", "02:00 slow"], outcomes.Select(o => $"{o.Run.Time:HH:mm} {o.Rule.Name}"));
    }
}
