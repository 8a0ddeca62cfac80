using System.Globalization;
using System.Text;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Ingestion;
using Detection.Runtime.Engine;
using Detection.Runtime.Output;
using Detection.Runtime.Replay;
using Detection.Runtime.Rules;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Runtime.Testing;

/// <summary>The verdict on one case: passed, or what differed; the alerts it produced, for the message.</summary>
public sealed record RuleTestResult(string File, string Case, bool Passed, string? Failure, int Alerts, int Incidents);

/// <summary>
/// Runs rule tests in virtual time through the real engine and incident grouping (an in-folder temporary store per
/// case). Events without <c>$arrival</c> are replayed exactly as <c>detect replay</c> would; with arrivals, rows are
/// fed in arrival order (rows of files and rows without one arrive at their TimeGenerated). Never throws for a bad
/// case: it fails with the reason.
/// </summary>
public static class RuleTestRunner
{
    public static IReadOnlyList<RuleTestResult> Run(RuleTestFile tests, RuntimeOptions options)
    {
        var set = RuleCompiler.Load([tests.RuleFile], options.Schemas);
        if (set.Rules.Count == 0)
        {
            var why = set.Problems.FirstOrDefault()?.ToString() ?? $"{tests.RuleFile}: no rule";
            return tests.Cases.Select(c => new RuleTestResult(tests.File, c.Name, false, $"the rule does not load: {why}", 0, 0)).ToList();
        }
        return tests.Cases.Select(c => RunCase(tests.File, c, set.Rules, options)).ToList();
    }

    private static RuleTestResult RunCase(string file, RuleTestCase test, IReadOnlyList<CompiledRule> rules, RuntimeOptions options)
    {
        var folder = Path.Combine(Path.GetTempPath(), "detect-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            using var store = SqliteIncidentStore.Open(Path.Combine(folder, "incidents.db"));
            var recorder = new IncidentRecorder(store);
            var outcomes = new List<RuleRunOutcome>();
            using (var engine = new DetectionEngine(rules, options))
            using (engine.Outcomes.Subscribe(recorder))
            using (engine.Outcomes.Subscribe(outcomes.Add))
            {
                if (Feed(test, engine, folder, options) is { } problem) return new RuleTestResult(file, test.Name, false, problem, 0, 0);
            }
            recorder.Flush();
            var incidents = recorder.IncidentIds.Count;
            var failure = Compare(test.Expect, recorder.Alerts, incidents, outcomes);
            return new RuleTestResult(file, test.Name, failure is null, failure, recorder.Alerts.Count, incidents);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { } // a leftover temp folder is harmless
        }
    }

    /// <summary>Loads the case's rows and feeds them; returns a problem (bad rows, no data) or null.</summary>
    private static string? Feed(RuleTestCase test, DetectionEngine engine, string folder, RuntimeOptions options)
    {
        var load = new LoadOptions { Schemas = options.Schemas };
        var inline = Path.Combine(folder, "events.jsonl");
        File.WriteAllLines(inline, test.Events.Select(e => e.Row.ToJsonString()));
        var all = DataLoader.Load([inline, .. test.Files], load);
        if (all.Rejections.FirstOrDefault() is { } rejected) return $"an event was rejected: {rejected}";
        var feeder = new ReplayFeeder(all.Tables.Values);
        if (feeder.First is not { } first) return test.Expect.Alerts is > 0 ? "the case has no events with a TimeGenerated" : null;
        var range = ReplayRange.For(first, feeder.Last!.Value, test.From, test.To);
        if (test.Events.All(e => e.Arrival is null))
        {
            feeder.Run(engine, range, ReplayJob.Step(engine.Rules));
            return null;
        }
        // Arrival order: each distinct arrival instant is one poll; loaded separately so its rows are known.
        engine.Start(range.From, range.To);
        var polls = new List<(DateTime Arrival, int Order, List<EventBatch> Batches)>();
        var index = 0;
        foreach (var group in test.Events.Where(e => e.Arrival is not null).GroupBy(e => e.Arrival!.Value))
        {
            var path = Path.Combine(folder, $"arrival-{index}.jsonl");
            File.WriteAllLines(path, group.Select(e => e.Row.ToJsonString()));
            polls.Add((group.Key, index++, DataLoader.Load([path], load).Tables.Values.Select(t => new EventBatch(t)).ToList()));
        }
        var onTime = Path.Combine(folder, "on-time.jsonl");
        File.WriteAllLines(onTime, test.Events.Where(e => e.Arrival is null).Select(e => e.Row.ToJsonString()));
        foreach (var (time, batches) in ByTime(DataLoader.Load([onTime, .. test.Files], load).Tables.Values))
            polls.Add((time, index++, batches));
        foreach (var poll in polls.OrderBy(p => p.Arrival).ThenBy(p => p.Order)) engine.Ingest(poll.Batches);
        engine.Complete(range.To);
        return null;
    }

    /// <summary>The rows of the tables grouped by their exact TimeGenerated: one poll per instant.</summary>
    private static IEnumerable<(DateTime Time, List<EventBatch> Batches)> ByTime(IEnumerable<Table> tables)
    {
        var rows = new List<(DateTime Time, Table Table, int Chunk, int Row)>();
        foreach (var table in tables)
        {
            var column = table.Schema.IndexOf("TimeGenerated");
            if (column < 0) continue;
            for (var c = 0; c < table.Chunks.Length; c++)
                for (var r = 0; r < table.Chunks[c].RowCount; r++)
                    if (table.Chunks[c].Columns[column].GetValue(r) is DateTime t) rows.Add((t, table, c, r));
        }
        foreach (var instant in rows.GroupBy(r => r.Time).OrderBy(g => g.Key))
        {
            yield return (instant.Key, instant.GroupBy(r => (r.Table, r.Chunk)).Select(g =>
            {
                var picked = g.Select(r => r.Row).ToArray();
                var chunk = g.Key.Table.Chunks[g.Key.Chunk];
                return new EventBatch(new Table(g.Key.Table.Schema, [chunk.Gather(picked)]));
            }).ToList());
        }
    }

    private static string? Compare(RuleTestExpectation expect, IReadOnlyList<Alert> alerts, int incidents, List<RuleRunOutcome> outcomes)
    {
        var problems = new List<string>();
        var errors = outcomes.Where(o => o.Status is RuleRunStatus.Failure or RuleRunStatus.TimedOut).ToList();
        if (errors.Count > 0) problems.Add($"{errors.Count} run(s) failed: {errors[0].Reason}");
        if (expect.Alerts is { } count && count != alerts.Count) problems.Add($"expected {count} alert(s), got {alerts.Count}");
        if (expect.Incidents is { } incidentCount && incidentCount != incidents) problems.Add($"expected {incidentCount} incident(s), got {incidents}");
        foreach (var wanted in expect.Entities)
        {
            if (!alerts.Any(a => a.Entities.Any(e => Matches(e, wanted))))
                problems.Add($"no alert has the entity {string.Join(", ", wanted.OrderBy(p => p.Key.Equals("type", StringComparison.OrdinalIgnoreCase) ? "" : p.Key, StringComparer.OrdinalIgnoreCase).Select(p => $"{p.Key}={p.Value}"))}");
        }
        foreach (var (name, values) in expect.CustomDetails)
        {
            foreach (var value in values)
            {
                if (!alerts.Any(a => a.CustomDetails.TryGetValue(name, out var got) && got.Contains(value, StringComparer.OrdinalIgnoreCase)))
                    problems.Add($"no alert has custom detail {name} = {value}");
            }
        }
        if (problems.Count == 0) return null;
        var text = new StringBuilder(string.Join("; ", problems));
        var runs = outcomes.Count(o => o.Status != RuleRunStatus.Suppressed);
        text.Append(CultureInfo.InvariantCulture, $" ({runs} run(s), {outcomes.Count(o => o.ResultRows > 0)} with results)");
        foreach (var alert in alerts.Take(5))
        {
            text.Append(CultureInfo.InvariantCulture, $"\n      alert at {alert.Time:yyyy-MM-ddTHH:mm:ssZ}: {alert.DisplayName}; entities: ");
            text.Append(string.Join(", ", alert.Entities.Select(e => $"{e.Type}({string.Join(", ", e.Properties.Select(p => $"{p.Key}={p.Value}"))})")));
            if (!alert.CustomDetails.IsEmpty)
                text.Append("; details: ").Append(string.Join(", ", alert.CustomDetails.Select(d => $"{d.Key}=[{string.Join(", ", d.Value)}]")));
        }
        return text.ToString();
    }

    private static bool Matches(Entity entity, IReadOnlyDictionary<string, string> wanted)
    {
        foreach (var (key, value) in wanted)
        {
            if (key.Equals("type", StringComparison.OrdinalIgnoreCase))
            {
                if (!entity.Type.Equals(value, StringComparison.OrdinalIgnoreCase)) return false;
            }
            else if (!entity.Properties.Any(p => p.Key.Equals(key, StringComparison.OrdinalIgnoreCase) && p.Value.Equals(value, StringComparison.OrdinalIgnoreCase)))
            {
                return false;
            }
        }
        return true;
    }
}
