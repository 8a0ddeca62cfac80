using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Detection.Service.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Detection.Service.Observability;

/// <summary>
/// <c>GET /health</c> (the run's state, watermark, clock, unacknowledged batches as JSON) and <c>GET /metrics</c> (the
/// instruments as text) on http://127.0.0.1:PORT/ only: never another interface. A plain HTTP/1.1 responder on a socket,
/// one request per connection: .NET's managed HttpListener (Linux) fails to start when a client connects while it
/// starts (dotnet/corefx#35191) and then holds the port, so a probe polling from the start would end the service. A
/// port already taken ends the run.
/// </summary>
internal sealed class HealthEndpoint(int port, LiveRunner runner, MetricsSnapshot metrics, TimeProvider clock, ILogger<HealthEndpoint> log) : BackgroundService
{
    private const int MaxRequestBytes = 8192;
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Start();
        try
        {
            log.LogInformation("health and metrics on http://127.0.0.1:{Port}/health and /metrics", port);
            while (!stoppingToken.IsCancellationRequested)
            {
                TcpClient client;
                try
                {
                    client = await listener.AcceptTcpClientAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
                _ = Task.Run(() => Answer(client, stoppingToken), CancellationToken.None); // a slow client holds up no other
            }
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task Answer(TcpClient client, CancellationToken stoppingToken)
    {
        using (client)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            using var timer = clock.CreateTimer(_ => timeout.Cancel(), null, RequestTimeout, Timeout.InfiniteTimeSpan);
            try
            {
                var stream = client.GetStream();
                var (method, path) = await ReadRequestLine(stream, timeout.Token).ConfigureAwait(false);
                var (status, type, body) = (method, path) switch
                {
                    (not "GET", _) => ("405 Method Not Allowed", "text/plain", "only GET\n"),
                    (_, "/health") => ("200 OK", "application/json", JsonSerializer.Serialize(runner.Status)),
                    (_, "/metrics") => ("200 OK", "text/plain; version=0.0.4", metrics.Render()),
                    _ => ("404 Not Found", "text/plain", "not found: /health, /metrics\n"),
                };
                var content = Encoding.UTF8.GetBytes(body);
                var head = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Type: {type}\r\nContent-Length: {content.Length}\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, timeout.Token).ConfigureAwait(false);
                await stream.WriteAsync(content, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or InvalidDataException)
            {
                // A client that went away, was too slow or sent no HTTP request gets nothing.
            }
        }
    }

    /// <summary>Reads the request up to its blank line (headers are not needed) and returns the method and the path without query.</summary>
    private static async Task<(string Method, string Path)> ReadRequestLine(NetworkStream stream, CancellationToken token)
    {
        var buffer = new byte[MaxRequestBytes];
        var length = 0;
        while (true)
        {
            if (length == buffer.Length) throw new InvalidDataException("request headers too long");
            var read = await stream.ReadAsync(buffer.AsMemory(length), token).ConfigureAwait(false);
            if (read == 0) throw new InvalidDataException("connection closed before the request ended");
            length += read;
            var text = Encoding.ASCII.GetString(buffer, 0, length);
            if (!text.Contains("\r\n\r\n", StringComparison.Ordinal)) continue;
            var parts = text[..text.IndexOf('\r', StringComparison.Ordinal)].Split(' ');
            if (parts.Length != 3 || !parts[2].StartsWith("HTTP/", StringComparison.Ordinal)) throw new InvalidDataException("not an HTTP request");
            var target = parts[1];
            var query = target.IndexOf('?', StringComparison.Ordinal);
            return (parts[0], query < 0 ? target : target[..query]);
        }
    }
}
