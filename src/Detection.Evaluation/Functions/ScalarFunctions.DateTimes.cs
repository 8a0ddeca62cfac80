using System.Globalization;
using System.Text;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> DateTimes() =>
    [
        F("bin", a => a[0], a => Bin(a[0], a[1])),
        F("floor", a => a[0], a => Bin(a[0], a[1])),
        F("bin_at", a => a[0], a => BinAt(a[0], a[1], a[2])),
        F("startofday", KqlType.DateTime, a => Date(a[0], d => d.Date.AddDays(Offset(a)))),
        F("endofday", KqlType.DateTime, a => Date(a[0], d => d.Date.AddDays(Offset(a) + 1).AddTicks(-1))),
        F("startofweek", KqlType.DateTime, a => Date(a[0], d => d.Date.AddDays(-(int)d.DayOfWeek + 7 * Offset(a)))),
        F("endofweek", KqlType.DateTime, a => Date(a[0], d => d.Date.AddDays(-(int)d.DayOfWeek + 7 * (Offset(a) + 1)).AddTicks(-1))),
        F("startofmonth", KqlType.DateTime, a => Date(a[0], d => new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(Offset(a)))),
        F("endofmonth", KqlType.DateTime, a => Date(a[0], d => new DateTime(d.Year, d.Month, 1, 0, 0, 0, DateTimeKind.Utc).AddMonths(Offset(a) + 1).AddTicks(-1))),
        F("startofyear", KqlType.DateTime, a => Date(a[0], d => new DateTime(d.Year + Offset(a), 1, 1, 0, 0, 0, DateTimeKind.Utc))),
        F("endofyear", KqlType.DateTime, a => Date(a[0], d => new DateTime(d.Year + Offset(a) + 1, 1, 1, 0, 0, 0, DateTimeKind.Utc).AddTicks(-1))),
        F("dayofweek", KqlType.TimeSpan, a => a[0] is DateTime d ? TimeSpan.FromDays((int)d.DayOfWeek) : null),
        F("dayofmonth", KqlType.Int, a => a[0] is DateTime d ? d.Day : null),
        F("dayofyear", KqlType.Int, a => a[0] is DateTime d ? d.DayOfYear : null),
        F("hourofday", KqlType.Int, a => a[0] is DateTime d ? d.Hour : null),
        F("monthofyear", KqlType.Int, a => a[0] is DateTime d ? d.Month : null),
        F("getmonth", KqlType.Int, a => a[0] is DateTime d ? d.Month : null),
        F("getyear", KqlType.Int, a => a[0] is DateTime d ? d.Year : null),
        F("week_of_year", KqlType.Int, a => a[0] is DateTime d ? ISOWeek.GetWeekOfYear(d) : null),
        F("datetime_part", KqlType.Int, a => a[1] is DateTime d ? DatePart(Text(a[0]), d) : null),
        F("datetime_add", KqlType.DateTime, a => a[2] is DateTime d && Kv.ToLong(a[1]) is { } n ? DateAdd(Text(a[0]), n, d) : null),
        F("datetime_diff", KqlType.Long, a => a[1] is DateTime x && a[2] is DateTime y ? DateDiff(Text(a[0]), x, y) : null),
        F("format_datetime", KqlType.String, a => a[0] is DateTime d ? FormatDateTime(d, Text(a[1])) : ""),
        F("format_timespan", KqlType.String, a => a[0] is TimeSpan t ? FormatTimeSpan(t, Text(a[1])) : ""),
        F("make_datetime", KqlType.DateTime, MakeDateTime),
        F("make_timespan", KqlType.TimeSpan, a => a.Length == 2
            ? TimeSpan.FromHours(Kv.ToReal(a[0]) ?? 0) + TimeSpan.FromMinutes(Kv.ToReal(a[1]) ?? 0)
            : new TimeSpan((int)(Kv.ToLong(a[0]) ?? 0), (int)(Kv.ToLong(Arg(a, 1)) ?? 0), (int)(Kv.ToLong(Arg(a, 2)) ?? 0), 0) + TimeSpan.FromSeconds(Kv.ToReal(Arg(a, 3)) ?? 0)),
        F("unixtime_seconds_todatetime", KqlType.DateTime, a => Unix(a[0], TimeSpan.TicksPerSecond)),
        F("unixtime_milliseconds_todatetime", KqlType.DateTime, a => Unix(a[0], TimeSpan.TicksPerMillisecond)),
        F("unixtime_microseconds_todatetime", KqlType.DateTime, a => Unix(a[0], 10)),
        F("unixtime_nanoseconds_todatetime", KqlType.DateTime, a => Unix(a[0], 0.01)),
    ];

    private static int Offset(object?[] a) => (int)(Kv.ToLong(Arg(a, 1)) ?? 0);

    private static object? Date(object? value, Func<DateTime, DateTime> f)
    {
        if (value is not DateTime d) return null;
        try { return DateTime.SpecifyKind(f(d), DateTimeKind.Utc); }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    private static object? Unix(object? value, double ticksPerUnit) =>
        Kv.ToReal(value) is { } n ? DateTime.UnixEpoch.AddTicks((long)(n * ticksPerUnit)) : null;

    /// <summary><c>bin(value, size)</c>: rounds down to a multiple of size (numbers, timespans, datetimes from 0001-01-01).</summary>
    public static object? Bin(object? value, object? size)
    {
        switch (value, size)
        {
            case (null, _) or (_, null): return null;
            case (DateTime d, TimeSpan s): return s.Ticks <= 0 ? null : new DateTime(d.Ticks - d.Ticks % s.Ticks, DateTimeKind.Utc);
            case (TimeSpan t, TimeSpan s): return s.Ticks <= 0 ? null : TimeSpan.FromTicks(FloorDiv(t.Ticks, s.Ticks) * s.Ticks);
            case (long l, _) when Kv.IsNumber(size) && size is not double:
                var step = Kv.ToLong(size)!.Value;
                return step <= 0 ? null : FloorDiv(l, step) * step;
            case (int i, _) when Kv.IsNumber(size) && size is not double:
                var istep = Kv.ToLong(size)!.Value;
                return istep <= 0 ? null : (int)(FloorDiv(i, istep) * istep);
        }
        if (!Kv.IsNumber(value) || !Kv.IsNumber(size)) return null;
        var x = Kv.ToDouble(value);
        var by = Kv.ToDouble(size);
        return by <= 0 ? null : Math.Floor(x / by) * by;
    }

    private static object? BinAt(object? value, object? size, object? at)
    {
        switch (value, size, at)
        {
            case (DateTime d, TimeSpan s, DateTime origin) when s.Ticks > 0:
                return new DateTime(origin.Ticks + FloorDiv(d.Ticks - origin.Ticks, s.Ticks) * s.Ticks, DateTimeKind.Utc);
            case (TimeSpan t, TimeSpan s, TimeSpan origin) when s.Ticks > 0:
                return TimeSpan.FromTicks(origin.Ticks + FloorDiv(t.Ticks - origin.Ticks, s.Ticks) * s.Ticks);
        }
        if (value is null || size is null || at is null || !Kv.IsNumber(value) || !Kv.IsNumber(size) || !Kv.IsNumber(at)) return null;
        var by = Kv.ToDouble(size);
        var o = Kv.ToDouble(at);
        var r = o + Math.Floor((Kv.ToDouble(value) - o) / by) * by;
        return value is double ? r : (long)r;
    }

    private static long FloorDiv(long x, long d) => x >= 0 ? x / d : -((-x + d - 1) / d);

    private static object? DatePart(string part, DateTime d) => part.ToLowerInvariant() switch
    {
        "year" => d.Year,
        "quarter" => (d.Month - 1) / 3 + 1,
        "month" => d.Month,
        "week_of_year" or "weekofyear" => ISOWeek.GetWeekOfYear(d),
        "day" => d.Day,
        "dayofyear" => d.DayOfYear,
        "hour" => d.Hour,
        "minute" => d.Minute,
        "second" => d.Second,
        "millisecond" => (int)(d.Ticks % TimeSpan.TicksPerSecond / TimeSpan.TicksPerMillisecond),
        "microsecond" => (int)(d.Ticks % TimeSpan.TicksPerSecond / 10),
        "nanosecond" => (int)(d.Ticks % TimeSpan.TicksPerSecond * 100),
        _ => throw new EvaluationException($"datetime_part: unknown part '{part}'"),
    };

    private static object? DateAdd(string part, long n, DateTime d)
    {
        try
        {
            return part.ToLowerInvariant() switch
            {
                "year" => d.AddYears((int)n),
                "quarter" => d.AddMonths((int)n * 3),
                "month" => d.AddMonths((int)n),
                "week" => d.AddDays(7 * n),
                "day" => d.AddDays(n),
                "hour" => d.AddHours(n),
                "minute" => d.AddMinutes(n),
                "second" => d.AddSeconds(n),
                "millisecond" => d.AddTicks(n * TimeSpan.TicksPerMillisecond),
                "microsecond" => d.AddTicks(n * 10),
                "nanosecond" => d.AddTicks(n / 100),
                _ => throw new EvaluationException($"datetime_add: unknown part '{part}'"),
            };
        }
        catch (ArgumentOutOfRangeException) { return null; }
    }

    /// <summary><c>datetime_diff(part, a, b)</c>: the number of part boundaries crossed from b to a (calendar units, not elapsed time).</summary>
    private static long DateDiff(string part, DateTime a, DateTime b) => part.ToLowerInvariant() switch
    {
        "year" => a.Year - b.Year,
        "quarter" => (a.Year - b.Year) * 4 + ((a.Month - 1) / 3 - (b.Month - 1) / 3),
        "month" => (a.Year - b.Year) * 12 + a.Month - b.Month,
        "week" => (StartOfWeek(a) - StartOfWeek(b)).Days / 7,
        "day" => (a.Date - b.Date).Days,
        "hour" => Floor(a, TimeSpan.TicksPerHour) - Floor(b, TimeSpan.TicksPerHour),
        "minute" => Floor(a, TimeSpan.TicksPerMinute) - Floor(b, TimeSpan.TicksPerMinute),
        "second" => Floor(a, TimeSpan.TicksPerSecond) - Floor(b, TimeSpan.TicksPerSecond),
        "millisecond" => Floor(a, TimeSpan.TicksPerMillisecond) - Floor(b, TimeSpan.TicksPerMillisecond),
        "microsecond" => Floor(a, 10) - Floor(b, 10),
        "nanosecond" => (a.Ticks - b.Ticks) * 100,
        _ => throw new EvaluationException($"datetime_diff: unknown part '{part}'"),
    };

    private static DateTime StartOfWeek(DateTime d) => d.Date.AddDays(-(int)d.DayOfWeek);

    private static long Floor(DateTime d, long unit) => d.Ticks / unit;

    private static object? MakeDateTime(object?[] a)
    {
        try
        {
            var seconds = Kv.ToReal(Arg(a, 5)) ?? 0;
            return new DateTime((int)Kv.ToLong(a[0])!, (int)Kv.ToLong(a[1])!, (int)Kv.ToLong(a[2])!, (int)(Kv.ToLong(Arg(a, 3)) ?? 0),
                (int)(Kv.ToLong(Arg(a, 4)) ?? 0), 0, DateTimeKind.Utc).AddTicks((long)(seconds * TimeSpan.TicksPerSecond));
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException) { return null; }
    }

    /// <summary>format_datetime with Kusto's specifiers (format-datetime-function.md); F… prints only non-zero digits.</summary>
    private static string FormatDateTime(DateTime d, string format)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var n = 1;
            while (i + n < format.Length && format[i + n] == c) n++;
            sb.Append(c switch
            {
                'y' => n <= 2 ? (d.Year % 100).ToString(n == 2 ? "00" : "0", CultureInfo.InvariantCulture) : d.Year.ToString(new string('0', n), CultureInfo.InvariantCulture),
                'M' => d.Month.ToString(n >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
                'd' => d.Day.ToString(n >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
                'H' => d.Hour.ToString(n >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
                'h' => ((d.Hour + 11) % 12 + 1).ToString(n >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
                'm' => d.Minute.ToString(n >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
                's' => d.Second.ToString(n >= 2 ? "00" : "0", CultureInfo.InvariantCulture),
                'f' => (d.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture)[..Math.Min(n, 7)],
                'F' => (d.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture)[..Math.Min(n, 7)].TrimEnd('0'),
                't' => d.Hour < 12 ? "AM"[..Math.Min(n, 2)] : "PM"[..Math.Min(n, 2)],
                _ => new string(c, n),
            });
            i += n;
        }
        return sb.ToString();
    }

    private static string FormatTimeSpan(TimeSpan t, string format)
    {
        var sb = new StringBuilder();
        if (t < TimeSpan.Zero) { sb.Append('-'); t = t.Negate(); }
        for (var i = 0; i < format.Length;)
        {
            var c = format[i];
            var n = 1;
            while (i + n < format.Length && format[i + n] == c) n++;
            var pad = new string('0', n);
            sb.Append(c switch
            {
                'd' => t.Days.ToString(pad, CultureInfo.InvariantCulture),
                'h' or 'H' => t.Hours.ToString(pad, CultureInfo.InvariantCulture),
                'm' => t.Minutes.ToString(pad, CultureInfo.InvariantCulture),
                's' => t.Seconds.ToString(pad, CultureInfo.InvariantCulture),
                'f' => (t.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture)[..Math.Min(n, 7)],
                'F' => (t.Ticks % TimeSpan.TicksPerSecond).ToString("0000000", CultureInfo.InvariantCulture)[..Math.Min(n, 7)].TrimEnd('0'),
                _ => new string(c, n),
            });
            i += n;
        }
        return sb.ToString();
    }
}
