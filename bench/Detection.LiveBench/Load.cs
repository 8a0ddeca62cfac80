namespace Detection.LiveBench;

/// <summary>The machine's load averages (1, 5, 15 minutes), as <c>uptime</c> shows them: numbers are only comparable under similar load.</summary>
internal static class Load
{
    public static string Now() =>
        File.Exists("/proc/loadavg") ? "load average " + string.Join(", ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "load average unknown";
}
