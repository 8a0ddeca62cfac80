using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;

namespace Detection.LiveBench;

/// <summary>
/// Events per second consumed by <c>detect run</c> from the mock cluster through the rules: generated days produced
/// to a topic first, then one run that ends by its idle stop. Consumption is timed from the log line saying the
/// partitions were assigned to the one saying the source went idle, less the idle wait (the idle clock starts when the
/// last batch is done), so process start, rule compilation, the group join and the final end-of-range runs are out.
/// </summary>
internal static partial class ThroughputBench
{
    public static int Run(string rules, int days, int users, TextWriter output)
    {
        var folder = Directory.CreateTempSubdirectory("detect-livebench-");
        try
        {
            output.WriteLine($"{Load.Now()} at start");
            var watch = Stopwatch.StartNew();
            var bodies = RecordBodies.Generate(Path.Combine(folder.FullName, "data"), days, users);
            var bytes = bodies.Sum(b => (long)b.Body.Length);
            output.WriteLine($"generated {days} day(s), {users} users: {bodies.Count:N0} bodies, {bytes / 1048576.0:N1} MiB, in {watch.Elapsed.TotalSeconds:0.0} s");

            using var cluster = new MockCluster();
            var partitions = cluster.CreateTopic("hub", Lz4Estimate(bodies.Select(b => b.Body)));
            watch.Restart();
            for (var i = 0; i < bodies.Count; i++) cluster.Produce("hub", i % partitions, bodies[i].Body);
            cluster.Flush();
            output.WriteLine($"produced to {partitions} partitions in {watch.Elapsed.TotalSeconds:0.0} s");

            const int idleSeconds = 3;
            using var detect = new DetectRun(cluster.BootstrapServers, "hub", [rules], Path.Combine(folder.FullName, "bench.db"), "--stop-after-idle", $"{idleSeconds}s");
            var assigned = detect.WaitFor("partitions: assigned", TimeSpan.FromMinutes(2));
            var idle = detect.WaitFor("ending the run", TimeSpan.FromMinutes(30));
            if (assigned is null || idle is null || !detect.WaitForExit(TimeSpan.FromMinutes(10)))
            {
                output.WriteLine("detect run did not end as expected:\n" + detect.Tail());
                return 1;
            }
            var consuming = idle.Value - assigned.Value - TimeSpan.FromSeconds(idleSeconds);
            var completed = CompletedLine().Match(detect.Line("detect run completed") ?? "");
            var rows = completed.Success ? long.Parse(completed.Groups["rows"].Value, CultureInfo.InvariantCulture) : 0;
            output.WriteLine(completed.Success ? completed.Value : detect.Tail());
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"consumed {bodies.Count:N0} bodies, {rows:N0} rows in {consuming.TotalSeconds:0.00} s: {bodies.Count / consuming.TotalSeconds:N0} bodies/s, {rows / consuming.TotalSeconds:N0} rows/s (whole process {detect.Elapsed.TotalSeconds:0.0} s)"));
            output.WriteLine($"{Load.Now()} at end");
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>What the bodies take compressed in the mock's log (gzip as a stand-in for lz4: close enough to size partitions).</summary>
    private static long Lz4Estimate(IEnumerable<byte[]> bodies)
    {
        using var sink = new MemoryStream();
        using (var gzip = new GZipStream(sink, CompressionLevel.Fastest, leaveOpen: true))
            foreach (var body in bodies) gzip.Write(body);
        return sink.Length * 2; // lz4 compresses JSON about half as well as gzip
    }

    [GeneratedRegex(@"detect run completed: (?<rows>\d+) rows.*")]
    private static partial Regex CompletedLine();
}
