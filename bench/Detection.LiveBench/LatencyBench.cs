using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Data.Sqlite;

namespace Detection.LiveBench;

/// <summary>
/// End-to-end latency of an NRT rule: a pacing producer sends sign-ins stamped with the wall clock (background traffic on
/// every partition, so the watermark keeps up) and, among them, probe sign-ins that the bench's NRT rule turns into one
/// incident each. Latency = when the probe's incident is first seen in the store (polled) − when the probe was produced.
/// </summary>
internal static class LatencyBench
{
    private const string ProbeRule = """
        id: 6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b
        name: Latency probe sign-in (bench)
        description: A sign-in by a latency-probe account; one alert and one incident per probe.
        severity: Informational
        kind: NRT
        query: |
          SigninLogs
          | where UserPrincipalName startswith "latency-probe-"
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: UserPrincipalName
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        alertDetailsOverride:
          alertDisplayNameFormat: "{{UserPrincipalName}}"
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: false
        """;

    public static int Run(string? packRules, int probes, double probesPerSecond, double backgroundPerSecond, string nrtInterval, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("detect-latencybench-");
        try
        {
            output.WriteLine($"{Load.Now()} at start");
            var template = SignInTemplate(Path.Combine(folder.FullName, "data"));
            var probeRules = Directory.CreateDirectory(Path.Combine(folder.FullName, "rules")).FullName;
            File.WriteAllText(Path.Combine(probeRules, "LatencyProbe.yaml"), ProbeRule);
            var store = Path.Combine(folder.FullName, "bench.db");

            using var cluster = new MockCluster();
            var partitions = cluster.CreateTopic("hub", 0);
            string[] rules = packRules is null ? [probeRules] : [packRules, probeRules];
            // The mock answers a fetch that finds nothing new only after fetch.wait.max.ms (500 ms), even when messages come
            // meanwhile (a broker answers at once); a short wait stands in for that, else the mock's delay is what is measured.
            using var detect = new DetectRun(cluster.BootstrapServers, "hub", rules, store, "--kafka-property", "fetch.wait.max.ms=5", "--nrt-interval", nrtInterval);
            if (detect.WaitFor("partitions: assigned", TimeSpan.FromMinutes(2)) is null)
            {
                output.WriteLine("no partitions assigned:\n" + detect.Tail());
                return 1;
            }
            output.WriteLine(detect.Line("detect run:") ?? "");

            var produced = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            var seen = new Dictionary<string, DateTime>(StringComparer.Ordinal);
            var clock = Stopwatch.StartNew();
            // Background traffic goes on for 3 s after the last probe: the last probes' second is run once every partition is past it.
            var duration = TimeSpan.FromSeconds(probes / probesPerSecond + 3);
            var total = (int)(duration.TotalSeconds * (backgroundPerSecond + probesPerSecond));
            using var poll = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = store, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
            var next = 0;
            var probe = 0;
            while (next < total || (seen.Count < produced.Count && clock.Elapsed < duration + TimeSpan.FromSeconds(30)))
            {
                // Produce what is due: message k at k / rate seconds; every (rate / probe rate)-th one is a probe.
                while (next < total && clock.Elapsed.TotalSeconds * (backgroundPerSecond + probesPerSecond) >= next)
                {
                    var isProbe = probe < probes && next * probesPerSecond / (backgroundPerSecond + probesPerSecond) >= probe;
                    var user = isProbe ? $"latency-probe-{probe++}@contoso.com" : null;
                    var now = DateTime.UtcNow;
                    cluster.Produce("hub", next % partitions, Body(template, now, user));
                    if (user is not null) produced[user] = now;
                    next++;
                }
                Poll(poll, seen);
                Thread.Sleep(2);
            }
            cluster.Flush();
            detect.Stop();

            var found = produced.Where(p => seen.ContainsKey(p.Key)).ToList();
            var latencies = found.Select(p => (seen[p.Key] - p.Value).TotalMilliseconds).Order().ToList();
            // An NRT run covers one interval of event time and happens once the watermark passed its end: a probe waits for
            // the end of its interval before any processing. That part is the grid's; the rest is the service's.
            var interval = Detection.Rules.Loading.Durations.TryParse(nrtInterval, out var i) ? i : TimeSpan.FromSeconds(1);
            var grid = found.Select(p => (Ceiling(p.Value, interval) - p.Value).TotalMilliseconds).Average();
            var afterGrid = found.Select(p => (seen[p.Key] - Ceiling(p.Value, interval)).TotalMilliseconds).Order().ToList();
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{probes} probes at {probesPerSecond}/s among {backgroundPerSecond}/s background sign-ins on {partitions} partitions, NRT interval {nrtInterval}; {latencies.Count} incidents seen, {produced.Count - latencies.Count} missing"));
            if (latencies.Count > 0)
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"produce → incident stored: p50 {Percentile(latencies, 0.50):0} ms, p90 {Percentile(latencies, 0.90):0} ms, p99 {Percentile(latencies, 0.99):0} ms, max {latencies[^1]:0} ms; " +
                    $"of which waiting for the end of the NRT interval {grid:0} ms on average; from the end of the interval: p50 {Percentile(afterGrid, 0.50):0} ms, p99 {Percentile(afterGrid, 0.99):0} ms"));
            output.WriteLine($"{Load.Now()} at end");
            return latencies.Count == produced.Count ? 0 : 1;
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            folder.Delete(recursive: true);
        }
    }

    /// <summary>Titles of incidents seen for the first time, with the wall time they were first seen.</summary>
    private static void Poll(SqliteConnection connection, Dictionary<string, DateTime> seen)
    {
        try
        {
            if (connection.State != System.Data.ConnectionState.Open) connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "SELECT title FROM incidents WHERE title LIKE 'latency-probe-%'";
            using var reader = command.ExecuteReader();
            var now = DateTime.UtcNow;
            while (reader.Read()) seen.TryAdd(reader.GetString(0), now);
        }
        catch (SqliteException)
        {
            // The store is created (and migrated) by detect run at start: not there yet, or busy.
        }
    }

    /// <summary>An interactive sign-in record of a generated day, to stamp with new times (and a probe account).</summary>
    private static JsonNode SignInTemplate(string folder)
    {
        Detection.Generator.SampleGenerator.Generate(new Detection.Generator.GeneratorOptions { OutputDirectory = folder, Days = 1, Users = 10, Seed = 7 });
        var file = Directory.EnumerateFiles(folder, "SignInLogs.jsonl", SearchOption.AllDirectories).First();
        return JsonNode.Parse(File.ReadLines(file).First())!["records"]![0]!.DeepClone();
    }

    private static byte[] Body(JsonNode template, DateTime time, string? user)
    {
        var record = template.DeepClone();
        var text = time.ToString("o", CultureInfo.InvariantCulture);
        record["time"] = text;
        record["properties"]!["createdDateTime"] = text;
        if (user is not null) record["properties"]!["userPrincipalName"] = user;
        return Encoding.UTF8.GetBytes(new JsonObject { ["records"] = new JsonArray(record) }.ToJsonString());
    }

    private static DateTime Ceiling(DateTime t, TimeSpan interval) => new(t.Ticks - t.Ticks % interval.Ticks + interval.Ticks, DateTimeKind.Utc);

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
}
