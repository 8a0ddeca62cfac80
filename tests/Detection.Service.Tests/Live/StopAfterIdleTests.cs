using Detection.Service.Tests.Support;

namespace Detection.Service.Tests.Live;

/// <summary><c>--stop-after-idle</c> on a consumer group counts only time in which the instance owns partitions.</summary>
public sealed class StopAfterIdleTests
{
    [Fact]
    public void A_run_whose_group_join_takes_longer_than_the_idle_stop_still_reads_the_topic()
    {
        using var data = new GeneratedBodies();
        using var cluster = new MockKafkaCluster();
        var signIns = data.Bodies.Where(b => System.Text.Encoding.UTF8.GetString(b).Contains("\"category\":\"SignInLogs\"", StringComparison.Ordinal));
        cluster.ProduceRoundRobin("hub", signIns.Take(MockKafkaCluster.Partitions).ToList()); // one row each

        // The mock cluster makes the first member of a group wait 3 s before it assigns partitions: longer than the idle stop.
        var args = Detect.RunArgs(cluster.BootstrapServers, "hub", "late-join", Repository.Detections, data.File("run.db"), stopAfterIdleSeconds: 1);
        using var detect = DetectProcess.Start(args);
        Assert.True(detect.WaitForExit(TimeSpan.FromMinutes(2)) && detect.ExitCode == 0, detect.Tail());

        var lines = detect.Lines;
        var assigned = lines.ToList().FindIndex(l => l.Contains("partitions: assigned hub", StringComparison.Ordinal));
        var idle = lines.ToList().FindIndex(l => l.Contains("ending the run", StringComparison.Ordinal));
        Assert.True(assigned >= 0 && idle > assigned, detect.Tail());
        Assert.Contains(lines, l => l.Contains($"detect run completed: {MockKafkaCluster.Partitions} rows", StringComparison.Ordinal));
    }
}
