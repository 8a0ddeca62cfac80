using Detection.Incidents.Model;
using Detection.Runtime.Engine;
using static Detection.Runtime.Tests.Support.Harness;

namespace Detection.Runtime.Tests.Engine;

public sealed class IsolationTests
{
    [Fact]
    public void A_rule_that_fails_is_recorded_and_the_others_run_on()
    {
        // parse_user_agent binds (the front end knows it) but the evaluator refuses it at run time.
        var broken = Rule("broken", "Events | extend Agent = parse_user_agent(User, 'browser')", order: 0);
        var healthy = Rule("healthy", "Events", order: 1);
        var (engine, outcomes) = NewEngine(Options(), broken, healthy);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T02:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:20:00Z", "a"), ("2026-11-02T01:20:00Z", "b"))));
        engine.Complete();

        var failures = outcomes.Where(o => o.Rule == broken).ToList();
        Assert.Equal(2, failures.Count);
        Assert.All(failures, f => Assert.Equal(RuleRunStatus.Failure, f.Status));
        Assert.Contains("parse_user_agent", failures[0].Reason);
        Assert.Equal(2, outcomes.Count(o => o.Rule == healthy && o.Status == RuleRunStatus.Success && o.Alerts.Count == 1));
        var stats = engine.RuleStatistics.Single(s => s.Rule == broken);
        Assert.Equal(2, stats.Errors);
    }

    [Fact]
    public void A_rule_past_its_time_budget_is_cancelled_and_recorded_as_timed_out()
    {
        // Not a 1 ms budget: the healthy rule may run beside the slow one (parallel runs) and must stay well within it.
        var slow = Rule("slow", SlowQuery, order: 0);
        var healthy = Rule("healthy", "Events", order: 1);
        var options = Options() with { RuleTimeBudget = SlowQueryBudget };
        var (engine, outcomes) = NewEngine(options, slow, healthy);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T01:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:20:00Z", "a"))));
        engine.Complete();

        var timedOut = outcomes.Single(o => o.Rule == slow);
        Assert.Equal(RuleRunStatus.TimedOut, timedOut.Status);
        Assert.Contains("time budget", timedOut.Reason);
        Assert.Equal(RuleRunStatus.Success, outcomes.Single(o => o.Rule == healthy).Status);
    }
}
