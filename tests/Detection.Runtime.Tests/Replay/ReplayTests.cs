using Detection.Incidents.Storage;
using Detection.Ingestion;
using Detection.Runtime.Engine;
using Detection.Runtime.Output;
using Detection.Runtime.Replay;
using Detection.Runtime.Rules;
using Detection.Runtime.Tests.Support;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Runtime.Tests.Replay;

public sealed class ReplayTests(GeneratedDay day) : IClassFixture<GeneratedDay>
{
    [Fact]
    public void Replaying_a_generated_day_fills_the_store_and_a_second_replay_changes_nothing()
    {
        var path = day.NewStorePath();
        using var store = SqliteIncidentStore.Open(path);
        var request = new ReplayRequest { DataPaths = [day.Data], RulePaths = [day.Rules], StorePath = path };
        var first = ReplayJob.Run(request, store);

        Assert.Empty(first.Rules.Problems);
        Assert.Equal(first.Load.TotalRows, first.Tables.Values.Sum(t => t.Read));
        Assert.All(first.Tables.Values, t => Assert.Equal(0, t.Late));
        var spray = first.RuleStatistics.Single(s => s.Rule.Name == "Spray from one IP");
        Assert.Equal(24, spray.Runs); // 01:00 .. 24:00 of the generated day
        Assert.True(spray.Alerts > 0, "the generated day has a labelled password spray");
        Assert.NotEmpty(first.Recorder.IncidentIds);
        var incidents = store.List().Select(i => i.Id).Order().ToList();
        var outbox = store.AllOutbox().Count;

        var second = ReplayJob.Run(request, store);
        Assert.Empty(second.Recorder.Alerts);
        Assert.Empty(second.Recorder.IncidentIds);
        Assert.Equal(incidents, store.List().Select(i => i.Id).Order());
        Assert.Equal(outbox, store.AllOutbox().Count);
        Assert.NotEmpty(store.Health(first.RuleStatistics[0].Rule.Id));
    }

    [Fact]
    public void Incident_ids_are_the_same_in_a_fresh_store()
    {
        List<string> Ids()
        {
            var path = day.NewStorePath();
            using var store = SqliteIncidentStore.Open(path);
            ReplayJob.Run(new ReplayRequest { DataPaths = [day.Data], RulePaths = [day.Rules], StorePath = path }, store);
            return store.List().Select(i => i.Id).Order().ToList();
        }

        var first = Ids();
        Assert.NotEmpty(first);
        Assert.Equal(first, Ids());
    }

    [Fact]
    public void Live_arrival_in_small_out_of_order_batches_gives_the_replay_alerts_and_incidents()
    {
        var rules = RuleCompiler.Load([day.Rules], Detection.Kql.Schemas.SchemaSet.Default).Rules.Where(r => !r.IsNrt).ToList();
        var load = DataLoader.Load([day.Data], new LoadOptions());
        var options = new RuntimeOptions { AllowedLateness = TimeSpan.FromMinutes(15) };
        var replay = Run(rules, options, engine =>
        {
            var feeder = new ReplayFeeder(load.Tables.Values);
            feeder.Run(engine, ReplayRange.For(feeder.First!.Value, feeder.Last!.Value), TimeSpan.FromHours(1));
        });
        var live = Run(rules, options, engine =>
        {
            // Polls of 40 rows, each row arriving up to 10 minutes after its time (seeded), within the 15 minutes allowed.
            var random = new Random(7);
            var polls = Polls(load, 40, () => TimeSpan.FromMinutes(random.NextDouble() * 10));
            engine.Start(DateTime.Parse("2026-11-02T00:00:00Z").ToUniversalTime(), DateTime.Parse("2026-11-03T00:00:00Z").ToUniversalTime());
            foreach (var poll in polls) engine.Ingest(poll);
            engine.Complete();
            Assert.Equal(0, engine.TableStatistics.Values.Sum(t => t.Late));
        });

        Assert.NotEmpty(replay.Alerts);
        Assert.Equal(replay.Alerts, live.Alerts);
        Assert.Equal(replay.Incidents, live.Incidents);
    }

    [Fact]
    public void NRT_runs_are_the_same_live_in_time_order_as_in_replay()
    {
        var rules = RuleCompiler.Load([day.Rules], Detection.Kql.Schemas.SchemaSet.Default).Rules;
        var load = DataLoader.Load([day.Data], new LoadOptions());
        var options = new RuntimeOptions();
        var replay = Run(rules, options, engine =>
        {
            var feeder = new ReplayFeeder(load.Tables.Values);
            feeder.Run(engine, ReplayRange.For(feeder.First!.Value, feeder.Last!.Value), TimeSpan.FromHours(1));
        });
        var live = Run(rules, options, engine =>
        {
            engine.Start(DateTime.Parse("2026-11-02T00:00:00Z").ToUniversalTime(), DateTime.Parse("2026-11-03T00:00:00Z").ToUniversalTime());
            foreach (var poll in Polls(load, 25)) engine.Ingest(poll);
            engine.Complete();
        });
        Assert.Contains(replay.Alerts, a => a.StartsWith("Failed interactive sign-in (NRT)", StringComparison.Ordinal));
        Assert.Equal(replay.Alerts, live.Alerts);
    }

    private static (List<string> Alerts, List<string> Incidents) Run(IReadOnlyList<CompiledRule> rules, RuntimeOptions options, Action<DetectionEngine> feed)
    {
        using var directory = new Detection.Testing.TempDirectory();
        using var store = SqliteIncidentStore.Open(Path.Combine(directory.Path, "s.db"));
        var recorder = new IncidentRecorder(store);
        using var engine = new DetectionEngine(rules, options);
        using (engine.Outcomes.Subscribe(recorder)) feed(engine);
        recorder.Flush();
        var alerts = recorder.Alerts.Select(a => $"{a.RuleName} {a.Id} {string.Join(",", a.Entities.Select(e => e.ToString()))}").Order().ToList();
        return (alerts, store.List().Select(i => $"{i.Id} {i.AlertIds.Length}").Order().ToList());
    }

    /// <summary>
    /// All rows of all tables in order of arrival (their time plus <paramref name="delay"/>), cut into groups of
    /// <paramref name="size"/> rows: each group is what one poll would deliver (one batch per table in it).
    /// </summary>
    private static List<List<EventBatch>> Polls(LoadResult load, int size, Func<TimeSpan>? delay = null)
    {
        var rows = new List<(DateTime Time, Table Table, int Chunk, int Row)>();
        foreach (var table in load.Tables.Values)
        {
            var time = table.Schema.IndexOf("TimeGenerated");
            for (var c = 0; c < table.Chunks.Length; c++)
                for (var r = 0; r < table.Chunks[c].RowCount; r++)
                    rows.Add(((DateTime)table.Chunks[c].Columns[time].GetValue(r)!, table, c, r));
        }
        var ordered = rows.Select(r => (Row: r, Arrival: r.Time + (delay?.Invoke() ?? TimeSpan.Zero)))
            .OrderBy(r => r.Arrival).Select(r => r.Row).ToList();
        var polls = new List<List<EventBatch>>();
        for (var start = 0; start < ordered.Count; start += size)
        {
            var group = ordered.Skip(start).Take(size).ToList();
            var batches = group.GroupBy(r => (r.Table, r.Chunk)).Select(g =>
            {
                var chunk = g.Key.Table.Chunks[g.Key.Chunk];
                var picked = g.Select(r => r.Row).ToArray();
                return new EventBatch(new Table(g.Key.Table.Schema, [chunk.Gather(picked)]));
            }).ToList();
            polls.Add(batches);
        }
        return polls;
    }
}
