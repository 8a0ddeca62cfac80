using Detection.Incidents.Model;
using Detection.Ingestion;
using Detection.Kql.Schemas;
using Detection.Rules.Loading;
using Detection.Runtime.Engine;
using Detection.Runtime.Replay;
using Detection.Runtime.Rules;
using Detection.Runtime.Tests.Support;
using static Detection.Runtime.Tests.Support.Harness;

namespace Detection.Runtime.Tests.Engine;

/// <summary>The runs due at one instant evaluate in parallel and nothing observable changes (README.md, "Parallel runs").</summary>
public sealed class ParallelRunTests(GeneratedDay day) : IClassFixture<GeneratedDay>
{
    [Fact]
    public void A_replay_gives_the_same_outcomes_in_the_same_order_one_run_at_a_time_and_four_at_once()
    {
        // The whole pack (hourly) with the day's rules (30 minutes, hourly, NRT) and a suppressing copy of the spray rule.
        var loaded = RuleCompiler.Load([Repository.Detections, day.Rules], SchemaSet.Default).Rules;
        var spray = RuleLoader.Load(GeneratedDay.SprayRule.Replace("queryPeriod: 1h", "queryPeriod: 1h\nsuppressionEnabled: true\nsuppressionDuration: 3h"), "spray-suppressed.yaml").Rule!;
        var rules = loaded.Append(RuleCompiler.Compile(spray with { Id = "spray-suppressed", Name = "Spray, suppressed" }, SchemaSet.Default, loaded.Count)).ToList();
        var load = DataLoader.Load([day.Data], new LoadOptions());

        var (sequential, sequentialStatistics) = Replay(rules, load, parallelism: 1);
        var (parallel, parallelStatistics) = Replay(rules, load, parallelism: 4);

        Assert.True(rules.Count > 40, "the pack and the day's rules are loaded");
        Assert.Contains(sequential, o => o.Contains(" Suppressed ", StringComparison.Ordinal));
        Assert.Contains(sequential, o => o.Contains(" Success ", StringComparison.Ordinal) && !o.EndsWith(' '));
        Assert.Equal(sequential, parallel);
        Assert.Equal(sequentialStatistics, parallelStatistics);
    }

    [Fact]
    public void A_failing_and_a_timed_out_rule_in_a_parallel_batch_are_recorded_and_the_others_run()
    {
        var rules = new[]
        {
            Rule("first", "Events", order: 0),
            // parse_user_agent binds (the front end knows it) but the evaluator refuses it at run time.
            Rule("broken", "Events | extend Agent = parse_user_agent(User, 'browser')", order: 1),
            Rule("slow", SlowQuery, order: 2),
            Rule("second", "Events", order: 3),
            Rule("third", "Events | where User == 'b'", order: 4),
        };
        var options = Options() with { RuleParallelism = 4, RuleTimeBudget = SlowQueryBudget };
        var (engine, outcomes) = NewEngine(options, rules);
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T02:00:00Z"));
        engine.Ingest(new EventBatch(Events(("2026-11-02T00:20:00Z", "a"), ("2026-11-02T01:20:00Z", "b"))));
        engine.Complete();

        var expected = new[] { RuleRunStatus.Success, RuleRunStatus.Failure, RuleRunStatus.TimedOut, RuleRunStatus.Success, RuleRunStatus.Success };
        Assert.Equal(["first", "broken", "slow", "second", "third", "first", "broken", "slow", "second", "third"], outcomes.Select(o => o.Rule.Name));
        Assert.Equal(expected.Concat(expected), outcomes.Select(o => o.Status));
        Assert.Contains("parse_user_agent", outcomes[1].Reason);
        Assert.Contains("time budget", outcomes[2].Reason);
        Assert.Equal([1, 0, 0, 1, 0, 1, 0, 0, 1, 1], outcomes.Select(o => o.Alerts.Count)); // "third" finds b in the second hour only
        Assert.Equal(2, engine.RuleStatistics.Single(s => s.Rule.Name == "slow").Errors);
    }

    [Fact]
    public void Suppression_holds_when_the_suppressed_rule_runs_beside_others()
    {
        var suppressed = Rule("suppressed", "Events", SuppressingHourly, order: 1);
        var rules = new[] { Rule("before", "Events", order: 0), suppressed, Rule("after", "Events", order: 2), Rule("last", "Events", order: 3) };
        var (engine, outcomes) = NewEngine(Options() with { RuleParallelism = 4 }, rules);
        ReplayFourHours(engine);

        Assert.Equal(SuppressedEveryOtherRun, outcomes.Where(o => o.Rule == suppressed).Select(o => (o.Run.Time, o.Status)));
        Assert.All(outcomes.Where(o => o.Rule != suppressed), o => Assert.Equal(RuleRunStatus.Success, o.Status));
        Assert.Equal(Enumerable.Range(0, 4).SelectMany(_ => new[] { "before", "suppressed", "after", "last" }), outcomes.Select(o => o.Rule.Name));
    }

    [Fact]
    public void A_rule_parallelism_below_one_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<ArgumentException>(() => new RuntimeOptions { RuleParallelism = 0 }.Validate());
        Assert.Contains("rule parallelism", error.Message);
    }

    private static (List<string> Outcomes, List<string> Statistics) Replay(IReadOnlyList<CompiledRule> rules, LoadResult load, int parallelism)
    {
        using var engine = new DetectionEngine(rules, new RuntimeOptions { RuleParallelism = parallelism });
        var outcomes = new List<string>();
        using (engine.Outcomes.Subscribe(o => outcomes.Add($"{o.Rule.Id} {o.Run.Time:O} {o.Status} {o.ResultRows} {o.Reason} {string.Join(",", o.Alerts.Select(a => a.Id))}")))
        {
            var feeder = new ReplayFeeder(load.Tables.Values);
            feeder.Run(engine, ReplayRange.For(feeder.First!.Value, feeder.Last!.Value), ReplayJob.Step(rules));
        }
        var statistics = engine.RuleStatistics.Select(s => $"{s.Rule.Id} {s.Runs} {s.Alerts} {s.Errors} {s.Suppressed} {s.Degraded}").ToList();
        return (outcomes, statistics);
    }
}
