namespace Detection.Kql.Parsing;

/// <summary>Timespan literal units (<c>5m</c>, <c>1d</c>, <c>100ms</c>…) and their length in ticks.</summary>
public static class Timespans
{
    private static readonly Dictionary<string, long> Units = new(StringComparer.Ordinal)
    {
        ["d"] = TimeSpan.TicksPerDay, ["day"] = TimeSpan.TicksPerDay, ["days"] = TimeSpan.TicksPerDay,
        ["h"] = TimeSpan.TicksPerHour, ["hr"] = TimeSpan.TicksPerHour, ["hrs"] = TimeSpan.TicksPerHour,
        ["hour"] = TimeSpan.TicksPerHour, ["hours"] = TimeSpan.TicksPerHour,
        ["m"] = TimeSpan.TicksPerMinute, ["min"] = TimeSpan.TicksPerMinute, ["minute"] = TimeSpan.TicksPerMinute,
        ["minutes"] = TimeSpan.TicksPerMinute,
        ["s"] = TimeSpan.TicksPerSecond, ["sec"] = TimeSpan.TicksPerSecond, ["second"] = TimeSpan.TicksPerSecond,
        ["seconds"] = TimeSpan.TicksPerSecond,
        ["ms"] = TimeSpan.TicksPerMillisecond, ["milli"] = TimeSpan.TicksPerMillisecond,
        ["millis"] = TimeSpan.TicksPerMillisecond, ["millisecond"] = TimeSpan.TicksPerMillisecond,
        ["milliseconds"] = TimeSpan.TicksPerMillisecond,
        ["microsecond"] = 10, ["microseconds"] = 10,
        ["tick"] = 1, ["ticks"] = 1,
    };

    public static bool IsUnit(string unit) => Units.ContainsKey(unit);

    /// <summary>The value of a literal such as <c>1.5h</c>, or null when it is not one.</summary>
    public static TimeSpan? TryParseLiteral(string text)
    {
        var i = 0;
        while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.')) i++;
        if (i == 0 || !Units.TryGetValue(text[i..], out var ticks)) return null;
        if (!double.TryParse(text[..i], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var n)) return null;
        return TimeSpan.FromTicks((long)(n * ticks));
    }
}
