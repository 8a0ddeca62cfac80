using Detection.Incidents.Model;
using Detection.Runtime.Engine;
using static Detection.Runtime.Tests.Support.Harness;

namespace Detection.Runtime.Tests.Engine;

public sealed class RetentionTests
{
    [Fact]
    public void Rows_are_kept_only_as_long_as_the_longest_query_period_of_the_rules_reading_the_table()
    {
        var rule = Rule("hourly", "Events", "queryFrequency: 1h\nqueryPeriod: 2h");
        var (engine, _) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:10:00Z", "a"))));
        var held = engine.RetainedBytes;
        Assert.True(held > 0);
        engine.AdvanceWatermark(T("2026-11-02T02:09:00Z"));
        Assert.Equal(held, engine.RetainedBytes); // the run at 03:00 would not need it, but the clock has not passed 02:10 yet
        engine.AdvanceWatermark(T("2026-11-02T02:11:00Z"));
        Assert.Equal(0, engine.RetainedBytes);
    }

    [Fact]
    public void Tables_no_rule_reads_are_counted_but_not_retained()
    {
        var rule = Rule("events", "Events");
        var (engine, _) = NewEngine(Options(), rule);
        engine.Start(T("2026-11-02T00:00:00Z"));
        engine.Ingest(new EventBatch(Detection.Testing.InlineTable.Create("Other", "TimeGenerated:datetime, Name:string", [["2026-11-02T00:10:00Z", "x"]])));
        Assert.Equal(1, engine.TableStatistics["Other"].Read);
        Assert.False(engine.TableStatistics["Other"].Retained);
        Assert.Equal(0, engine.RetainedBytes);
    }

    [Fact]
    public void Over_the_memory_budget_the_oldest_rows_go_and_runs_that_needed_them_are_degraded_naming_the_table()
    {
        var rule = Rule("daily", "Events | summarize count()", "queryFrequency: 1h\nqueryPeriod: 1d");
        var options = Options() with { MemoryBudgetBytes = 2_000 };
        var (engine, outcomes) = NewEngine(options, rule);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T06:00:00Z"));
        for (var h = 0; h < 6; h++)
            engine.Ingest(new EventBatch(Events(Enumerable.Range(0, 20).Select(i => (T("2026-11-02T00:00:00Z").AddHours(h).AddMinutes(i), $"user{h}-{i}")))));
        engine.Complete();

        Assert.True(engine.RetainedBytes <= 2_000);
        Assert.True(engine.TableStatistics["Events"].DroppedForBudget > 0);
        var degraded = outcomes.Where(o => o.Status == RuleRunStatus.Degraded).ToList();
        Assert.NotEmpty(degraded);
        Assert.Contains("Events", degraded[0].Reason);
        Assert.Contains("memory budget", degraded[0].Reason);
    }
}
