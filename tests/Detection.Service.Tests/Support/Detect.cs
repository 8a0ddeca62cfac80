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

    /// <summary>
    /// The arguments of a Kafka run that ends after 5 s (by default) without messages (counted only while it owns partitions, so joining
    /// the group does not count). librdkafka's mock cluster keeps a killed member, and its partitions, until the member's
    /// session times out; it takes the session timeout of the latest member to join, waits that less 1 s for members to
    /// rejoin, and 3 s for the first members of an empty group (a session shorter than that times the joining member out
    /// before it is ever assigned). 4 s: a restart after a kill is assigned in about 3 s instead of 6 s to 15 s.
    /// </summary>
    public static List<string> RunArgs(string servers, string topic, string group, string rules, string store, int stopAfterIdleSeconds = 5) =>
    [
        "run", "--source", $"kafka://{servers}/{topic}?group={group}", "--rules", rules, "--store", store,
        "--stop-after-idle", $"{stopAfterIdleSeconds}s",
        "--kafka-property", "session.timeout.ms=4000", "--kafka-property", "heartbeat.interval.ms=500",
    ];
}
