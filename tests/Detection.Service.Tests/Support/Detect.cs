using System.Diagnostics;

namespace Detection.Service.Tests.Support;

/// <summary>Runs <c>detect</c> (the detect.dll beside the tests) as a child process.</summary>
internal static class Detect
{
    public static Process Start(IEnumerable<string> args, Action<string>? onLine = null)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "detect.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) onLine?.Invoke(e.Data); };
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) onLine?.Invoke(e.Data); };
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        return process;
    }

    public static int Run(IEnumerable<string> args, TimeSpan limit, Action<string>? onLine = null)
    {
        using var process = Start(args, onLine);
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"detect {string.Join(' ', args)} did not end within {limit}");
        }
        process.WaitForExit();
        return process.ExitCode;
    }

    /// <summary>The arguments of a Kafka run that ends after 10 s without messages (joining a group on a loaded machine can take seconds).</summary>
    public static List<string> RunArgs(string servers, string topic, string group, string rules, string store) =>
    [
        "run", "--source", $"kafka://{servers}/{topic}?group={group}", "--rules", rules, "--store", store,
        "--stop-after-idle", "10s",
        // The mock cluster keeps a dead member until its session times out: the shortest session it accepts.
        "--kafka-property", "session.timeout.ms=6000", "--kafka-property", "heartbeat.interval.ms=500",
    ];
}
