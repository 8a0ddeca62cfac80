namespace Detection.Runtime.Engine;

/// <summary>Run instants: multiples of an interval since the Unix epoch (UTC).</summary>
public static class RunGrid
{
    /// <summary>The greatest multiple of <paramref name="step"/> at or before <paramref name="time"/>.</summary>
    public static DateTime Floor(DateTime time, TimeSpan step)
    {
        var since = time.Ticks - DateTime.UnixEpoch.Ticks;
        var floored = since - Mod(since, step.Ticks);
        return new DateTime(DateTime.UnixEpoch.Ticks + floored, DateTimeKind.Utc);
    }

    /// <summary>The smallest multiple of <paramref name="step"/> strictly after <paramref name="time"/>.</summary>
    public static DateTime FirstAfter(DateTime time, TimeSpan step) => Floor(time, step) + step;

    /// <summary>
    /// The smallest multiple of <paramref name="step"/> strictly after <paramref name="time"/>: the replay end that still
    /// covers an event at <paramref name="time"/> (windows end before r, so an event exactly on the hour needs the next one).
    /// </summary>
    public static DateTime CeilingAfter(DateTime time, TimeSpan step) => FirstAfter(time, step);

    private static long Mod(long value, long step) => ((value % step) + step) % step;
}
