using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;

namespace Detection.Service.Tests.Support;

/// <summary>
/// A running <c>detect run</c> child process: its log lines, its <c>/health</c> (when started with a health port), and the
/// two ways a service dies — SIGKILL (no shutdown code runs) and SIGTERM (the host stops gracefully). Disposing kills it
/// if it still runs, so a failing test leaves no process behind.
/// </summary>
internal sealed class DetectProcess : IDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(2) };

    private readonly Process _process;
    private readonly List<string> _lines = [];
    private readonly int? _healthPort;
    private bool _disposed;

    private DetectProcess(IEnumerable<string> args, int? healthPort)
    {
        _healthPort = healthPort;
        _process = Detect.Start(healthPort is { } port ? [.. args, "--health-port", $"{port}"] : args, line =>
        {
            lock (_lines) _lines.Add(line);
        });
    }

    /// <summary>Starts <c>detect</c> with <paramref name="args"/>; with <paramref name="health"/>, on a free port of 127.0.0.1.</summary>
    public static DetectProcess Start(IEnumerable<string> args, bool health = false) => new(args, health ? FreePort() : null);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    /// <summary>The last lines, without librdkafka's own, for assertion messages.</summary>
    public string Tail(int count = 30) => string.Join("\n", Lines.Where(l => !l.Contains("librdkafka", StringComparison.Ordinal)).TakeLast(count));

    /// <summary>Waits until a line satisfies <paramref name="match"/>: false when the process ended or the time ran out first.</summary>
    public bool WaitForLine(Func<string, bool> match, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit)
        {
            if (Lines.Any(match)) return true;
            if (_process.HasExited) return Lines.Any(match);
            Thread.Sleep(20);
        }
        return false;
    }

    /// <summary>GET <paramref name="path"/> on the health port: status code and body, null while nothing answers (starting, or gone).</summary>
    public (int Status, string Body)? Get(string path)
    {
        if (_healthPort is not { } port) throw new InvalidOperationException("started without a health port");
        try
        {
            using var response = Http.GetAsync(new Uri($"http://127.0.0.1:{port}{path}")).GetAwaiter().GetResult();
            return ((int)response.StatusCode, response.Content.ReadAsStringAsync().GetAwaiter().GetResult());
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException)
        {
            return null;
        }
    }

    /// <summary>The service's <c>/health</c>: null while it does not answer (starting, or gone).</summary>
    public Health? ReadHealth()
    {
        if (Get("/health") is not (200, var json)) return null;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        DateTime? Time(string name) => root.GetProperty(name).ValueKind == JsonValueKind.Null ? null : root.GetProperty(name).GetDateTime().ToUniversalTime();
        return new Health(root.GetProperty("State").GetString()!, Time("Watermark"), Time("Clock"));
    }

    /// <summary>The health port (for probes of one's own); throws when started without one.</summary>
    public int HealthPort => _healthPort ?? throw new InvalidOperationException("started without a health port");

    /// <summary>Polls <c>/health</c> until <paramref name="done"/> holds: the last answer, or null when the process ended or the time ran out.</summary>
    public Health? WaitForHealth(Func<Health, bool> done, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < limit && !_process.HasExited)
        {
            if (ReadHealth() is { } health && done(health)) return health;
            Thread.Sleep(20);
        }
        return null;
    }

    /// <summary>SIGKILL: the process ends where it stands, no shutdown code runs.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    /// <summary>SIGTERM: the console lifetime stops the host gracefully (final commit, LeaveGroup).</summary>
    public void Terminate()
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", $"{_process.Id}"]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to end; false when it still runs after <paramref name="limit"/>.</summary>
    public bool WaitForExit(TimeSpan limit)
    {
        if (!_process.WaitForExit(limit)) return false;
        _process.WaitForExit(); // drains the output readers
        return true;
    }

    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        Kill();
        _process.Dispose();
    }

    /// <summary>
    /// A port free now, below Linux's ephemeral range (32768+): a port the system handed out could be taken again by one of
    /// the many client connections (librdkafka's) opened before the child process binds it.
    /// </summary>
    private static int FreePort()
    {
        for (var attempt = 0; ; attempt++)
        {
            var port = Random.Shared.Next(20_000, 32_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException) when (attempt < 100)
            {
            }
        }
    }

    /// <summary>What <c>/health</c> says: the run's state, its event-time watermark and the rule clock.</summary>
    public sealed record Health(string State, DateTime? Watermark, DateTime? Clock);
}
