using System.Net.Sockets;
using Detection.Service.Tests.Support;

namespace Detection.Service.Tests.Live;

/// <summary><c>--health-port</c>: /health and /metrics answer on 127.0.0.1, and probes knocking from the first moment do no harm.</summary>
public sealed class HealthEndpointTests
{
    [Fact]
    public async Task A_probe_polling_from_the_start_never_stops_the_service_and_health_and_metrics_answer()
    {
        using var data = new GeneratedBodies();
        using var cluster = new MockKafkaCluster();
        var signIns = data.Bodies.Where(b => System.Text.Encoding.UTF8.GetString(b).Contains("\"category\":\"SignInLogs\"", StringComparison.Ordinal));
        cluster.ProduceRoundRobin("hub", signIns.Take(MockKafkaCluster.Partitions).ToList()); // one row each

        var args = Detect.RunArgs(cluster.BootstrapServers, "hub", "health", Repository.Detections, data.File("run.db"), stopAfterIdleSeconds: 3);
        using var detect = DetectProcess.Start(args, health: true);
        // Connections that open and close while the endpoint starts, as a liveness probe's would. .NET's HttpListener
        // failed to start, and ended the run, when one came in between its listen and its first accept
        // (dotnet/corefx#35191): a window too short to hit on purpose (KillNineTests' polling hit it twice in about a
        // hundred starts), so this checks that probes do no harm rather than reproducing that race.
        using var knocking = new CancellationTokenSource();
        var knocker = Task.Run(() =>
        {
            while (!knocking.IsCancellationRequested)
            {
                try
                {
                    using var socket = new TcpClient();
                    socket.Connect("127.0.0.1", detect.HealthPort);
                }
                catch (SocketException)
                {
                }
            }
        });

        var running = detect.WaitForHealth(h => h.Watermark is not null, TimeSpan.FromMinutes(1));
        await knocking.CancelAsync();
        await knocker;
        Assert.True(running is not null, "no watermark in /health:\n" + detect.Tail());
        Assert.Equal("running", running.State);
        var metrics = detect.Get("/metrics");
        Assert.True(metrics is (200, _), $"/metrics answered {metrics}");
        Assert.Contains($"detection_events_in_total{{table=\"SigninLogs\"}} {MockKafkaCluster.Partitions}\n", metrics.Value.Body, StringComparison.Ordinal);
        Assert.Equal(404, detect.Get("/other")?.Status);
        Assert.True(detect.WaitForExit(TimeSpan.FromMinutes(1)) && detect.ExitCode == 0, detect.Tail());
    }
}
