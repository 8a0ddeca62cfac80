using System.Diagnostics;
using Detection.Cli;
using Detection.Service.Tests.Support;
using Xunit.Abstractions;

namespace Detection.Service.Tests.Live;

/// <summary>Bodies produced to a topic end, through <c>detect run</c>, as the same incidents as a replay of the same files.</summary>
public sealed class KafkaEqualsReplayTests(ITestOutputHelper output)
{
    [Fact]
    public void A_generated_day_through_the_mock_cluster_gives_the_incidents_and_alerts_of_its_replay()
    {
        using var data = new GeneratedBodies();
        using var cluster = new MockKafkaCluster();
        cluster.ProduceRoundRobin("hub", data.Bodies);

        var replay = DetectCommand.Build().Parse(["replay", data.DataFolder, "--rules", Repository.Detections, "--store", data.File("replay.db")])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });
        Assert.Equal(0, replay);

        var watch = Stopwatch.StartNew();
        var log = new List<string>();
        var exit = Detect.Run(Detect.RunArgs(cluster.BootstrapServers, "hub", "engine", Repository.Detections, data.File("run.db")), TimeSpan.FromMinutes(5),
            line => { lock (log) log.Add(line); });
        watch.Stop();
        Assert.True(exit == 0, string.Join("\n", log.TakeLast(30)));

        foreach (var line in log.Where(l => !l.Contains("librdkafka", StringComparison.Ordinal))) output.WriteLine(line);
        var expected = Stores.Ids(data.File("replay.db"));
        var live = Stores.Ids(data.File("run.db"));
        foreach (var line in Stores.Describe(data.File("replay.db"), live.Incidents)) output.WriteLine("replay only: " + line);
        foreach (var line in Stores.Describe(data.File("run.db"), expected.Incidents)) output.WriteLine("run only: " + line);
        Assert.NotEmpty(expected.Incidents);
        Assert.Equal(expected.Incidents, live.Incidents);
        Assert.Equal(expected.Alerts, live.Alerts);
        // A measurement, not an assertion: includes process start, rule compilation and the 3 s idle stop.
        output.WriteLine($"{data.Bodies.Count} bodies, {expected.Incidents.Count} incidents, {expected.Alerts.Count} alerts; detect run took {watch.Elapsed.TotalSeconds:0.0} s");
    }
}
