using System.Diagnostics;
using System.Text.RegularExpressions;
using Detection.Service.Tests.Support;
using Xunit.Abstractions;

namespace Detection.Service.Tests.Live;

/// <summary>
/// <c>kill -9</c> at random points while <c>detect run</c> consumes a live stream, a restart after each, and at the end
/// exactly the incidents and alerts of an uninterrupted run over the same stream: offsets are committed only up to the
/// oldest input a window needs, rules resume after their last recorded run, and stable ids make redelivery change nothing.
/// </summary>
public sealed partial class KillNineTests(ITestOutputHelper output)
{
    private const int Kills = 10;

    /// <summary>The stream moves on by this much event time per second of wall time while a run reads it.</summary>
    private static readonly TimeSpan StreamPerSecond = TimeSpan.FromMinutes(30);

    /// <summary>The stream is never produced further than this ahead of the killed run's watermark: it is consumed live, not as a backlog.</summary>
    private static readonly TimeSpan Lead = TimeSpan.FromMinutes(90);

    [Fact]
    public void Ten_kills_at_random_points_during_consumption_end_with_the_incidents_of_an_uninterrupted_run()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("DETECTION_KILL_SEED"), out var s) ? s : Environment.TickCount;
        output.WriteLine($"seed {seed} (DETECTION_KILL_SEED={seed} repeats these kill points)");
        var random = new Random(seed);
        var watch = Stopwatch.StartNew();
        using var data = new GeneratedBodies(days: 2);
        var rules = Repository.ShortRules(data.File("rules"));
        using var cluster = new MockKafkaCluster();
        var stream = new PacedStream(cluster, "hub", data.Records.Select((r, i) => (r.Time, i % MockKafkaCluster.Partitions, r.Body)).ToList());

        // How far each run reads after its restart before it is killed: random, one in each tenth of [0, 4h), in random
        // order, so that short lives (killed while catching up) and long ones (that committed) both come.
        var strata = Enumerable.Range(0, Kills).OrderBy(_ => random.Next()).ToList();
        var lastWatermark = stream.Head;
        var produceTo = stream.Head;
        var tick = Stopwatch.StartNew();
        for (var kill = 0; kill < Kills; kill++)
        {
            var advance = TimeSpan.FromHours(0.4 * (strata[kill] + random.NextDouble()));
            // Killed, never idle: with the default 5 s idle stop a restart whose first batches were the last produced could
            // end by itself before the test saw its watermark and produced more (seen once on a loaded machine).
            using var detect = DetectProcess.Start(Detect.RunArgs(cluster.BootstrapServers, "hub", "killed", rules, data.File("killed.db"), stopAfterIdleSeconds: 60), health: true);
            var life = Stopwatch.StartNew();
            DateTime? target = null;
            DateTime? watermark = null;
            while (target is null || watermark < target)
            {
                Assert.False(detect.HasExited, "the run ended by itself:\n" + detect.Tail());
                Assert.True(life.Elapsed < TimeSpan.FromMinutes(2), $"the run did not reach {target:o}:\n" + detect.Tail());
                watermark = detect.ReadHealth()?.Watermark ?? watermark;
                if (watermark is { } w && target is null) target = Min(w + advance, stream.End - TimeSpan.FromHours(2));
                lastWatermark = watermark ?? lastWatermark;
                produceTo = Min(produceTo + StreamPerSecond * tick.Elapsed.TotalSeconds, lastWatermark + Lead);
                tick.Restart();
                stream.ProduceUntil(produceTo);
                Thread.Sleep(20);
            }
            Thread.Sleep(random.Next(0, 300)); // anywhere in the work on the batches that follow
            Assert.False(detect.HasExited, "the run ended by itself:\n" + detect.Tail());
            detect.Kill();
            output.WriteLine($"SIGKILL {kill + 1,2} at {watch.Elapsed.TotalSeconds,5:0.0} s, {life.Elapsed.TotalSeconds,4:0.0} s after start, {advance.TotalHours:0.00} h of stream after its first batch, at watermark {watermark:MM-dd HH:mm:ss}");
        }
        stream.ProduceRest();

        // The last restart, and beside it the uninterrupted run over the whole stream (in its own consumer group).
        using var restart = DetectProcess.Start(Detect.RunArgs(cluster.BootstrapServers, "hub", "killed", rules, data.File("killed.db")));
        using var reference = DetectProcess.Start(Detect.RunArgs(cluster.BootstrapServers, "hub", "reference", rules, data.File("reference.db")));
        var final = RunToEnd(restart);
        var uninterrupted = RunToEnd(reference);
        output.WriteLine($"uninterrupted run: {uninterrupted.Rows} rows; final run after {Kills} kills: {final.Rows} rows (what no commit covered); test took {watch.Elapsed.TotalSeconds:0} s");

        var expected = Stores.Ids(data.File("reference.db"));
        var actual = Stores.Ids(data.File("killed.db"));
        foreach (var line in Stores.Describe(data.File("reference.db"), actual.Incidents)) output.WriteLine("lost: " + line);
        foreach (var line in Stores.Describe(data.File("killed.db"), expected.Incidents)) output.WriteLine("extra: " + line);
        Assert.NotEmpty(expected.Incidents);
        Assert.Equal(expected.Incidents, actual.Incidents);
        Assert.Equal(expected.Alerts, actual.Alerts);
        // The restarts did not start over: the last one resumed every rule and re-read only what the commits had not covered.
        Assert.Equal(final.Rules, final.Resumed);
        Assert.True(final.Rows < uninterrupted.Rows, $"the final run re-read all {final.Rows} rows: no run had committed anything");
    }

    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    /// <summary>Waits for a run to end by itself (idle stop) and reads its rule count, resumed rules and rows from its log.</summary>
    private static (long Rows, int Rules, int Resumed) RunToEnd(DetectProcess detect)
    {
        Assert.True(detect.WaitForExit(TimeSpan.FromMinutes(3)), "detect run did not end by itself:\n" + detect.Tail());
        Assert.True(detect.ExitCode == 0, detect.Tail());
        var started = detect.Lines.Select(l => StartedLine().Match(l)).Single(m => m.Success);
        var completed = detect.Lines.Select(l => CompletedLine().Match(l)).Single(m => m.Success);
        return (Number(completed.Groups[1].Value), (int)Number(started.Groups[1].Value), (int)Number(started.Groups[2].Value));
    }

    private static long Number(string text) => long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [GeneratedRegex(@"detect run: (\d+) rules \((\d+) resumed from the store\)")]
    private static partial Regex StartedLine();

    [GeneratedRegex(@"detect run completed: (\d+) rows")]
    private static partial Regex CompletedLine();
}
