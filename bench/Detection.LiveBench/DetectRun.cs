using System.Diagnostics;

namespace Detection.LiveBench;

/// <summary>A <c>detect run</c> child process on a topic of the mock cluster, with its log lines and when each arrived.</summary>
internal sealed class DetectRun : IDisposable
{
    private readonly Process _process;
    private readonly List<(TimeSpan At, string Line)> _lines = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    /// <param name="options">More <c>detect run</c> options, e.g. <c>--stop-after-idle 3s</c>.</param>
    public DetectRun(string servers, string topic, IEnumerable<string> rules, string store, params string[] options)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        string[] args =
        [
            Path.Combine(AppContext.BaseDirectory, "detect.dll"), "run", "--source", $"kafka://{servers}/{topic}?group=bench",
            .. rules.SelectMany(r => new[] { "--rules", r }), "--store", store,
            "--kafka-property", "session.timeout.ms=4000", "--kafka-property", "heartbeat.interval.ms=500", .. options,
        ];
        foreach (var a in args) info.ArgumentList.Add(a);
        _process = Process.Start(info)!;
        _process.ErrorDataReceived += (_, e) => Add(e.Data);
        _process.OutputDataReceived += (_, e) => Add(e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    /// <summary>Time since the process started.</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Waits for the first line containing <paramref name="text"/>: when it arrived (since start), null if the process
    /// ended or <paramref name="limit"/> (since start) passed first.</summary>
    public TimeSpan? WaitFor(string text, TimeSpan limit)
    {
        while (_clock.Elapsed < limit)
        {
            lock (_lines)
                foreach (var (at, line) in _lines)
                    if (line.Contains(text, StringComparison.Ordinal)) return at;
            if (_process.HasExited) return null;
            Thread.Sleep(5);
        }
        return null;
    }

    public string? Line(string text)
    {
        lock (_lines) return _lines.Select(l => l.Line).FirstOrDefault(l => l.Contains(text, StringComparison.Ordinal));
    }

    public string Tail()
    {
        lock (_lines) return string.Join("\n", _lines.Select(l => l.Line).Where(l => !l.Contains("librdkafka", StringComparison.Ordinal)).TakeLast(20));
    }

    /// <summary>SIGTERM, then waits for the graceful stop.</summary>
    public void Stop()
    {
        using (var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", $"{_process.Id}"]) { UseShellExecute = false })!) kill.WaitForExit();
        _process.WaitForExit(TimeSpan.FromMinutes(1));
    }

    public bool WaitForExit(TimeSpan limit) => _process.WaitForExit(limit);

    private void Add(string? line)
    {
        if (line is null) return;
        lock (_lines) _lines.Add((_clock.Elapsed, line));
    }

    public void Dispose()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.Dispose();
    }
}
