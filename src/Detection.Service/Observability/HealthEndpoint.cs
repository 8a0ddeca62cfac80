using System.Net;
using System.Text;
using System.Text.Json;
using Detection.Service.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Detection.Service.Observability;

/// <summary>
/// <c>GET /health</c> (the run's state, watermark, clock, unacknowledged batches as JSON) and <c>GET /metrics</c> (the
/// instruments as text) on http://127.0.0.1:PORT/ only: never another interface.
/// </summary>
internal sealed class HealthEndpoint(int port, LiveRunner runner, MetricsSnapshot metrics, ILogger<HealthEndpoint> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var listener = new HttpListener();
        listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        listener.Start();
        log.LogInformation("health and metrics on http://127.0.0.1:{Port}/health and /metrics", port);
        using var registration = stoppingToken.Register(listener.Stop);
        while (!stoppingToken.IsCancellationRequested)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                break;
            }
            Answer(context);
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var (status, type, body) = context.Request.Url?.AbsolutePath switch
        {
            "/health" => (200, "application/json", JsonSerializer.Serialize(runner.Status)),
            "/metrics" => (200, "text/plain; version=0.0.4", metrics.Render()),
            _ => (404, "text/plain", "not found: /health, /metrics\n"),
        };
        var bytes = Encoding.UTF8.GetBytes(body);
        context.Response.StatusCode = status;
        context.Response.ContentType = type;
        context.Response.ContentLength64 = bytes.Length;
        context.Response.OutputStream.Write(bytes);
        context.Response.Close();
    }
}
