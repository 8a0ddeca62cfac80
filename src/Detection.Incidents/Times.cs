using System.Globalization;

namespace Detection.Incidents;

/// <summary>UTC times as the store and the JSON output write them: ISO 8601 with 7 fractional digits and Z (sortable as text).</summary>
public static class Times
{
    public const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    public static string Write(DateTime time) => Utc(time).ToString(Format, CultureInfo.InvariantCulture);

    public static DateTime Read(string text) =>
        DateTime.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>A time taken as UTC: a local time is converted, an unspecified one is taken as already UTC.</summary>
    public static DateTime Utc(DateTime time) => time.Kind switch
    {
        DateTimeKind.Utc => time,
        DateTimeKind.Local => time.ToUniversalTime(),
        _ => DateTime.SpecifyKind(time, DateTimeKind.Utc),
    };
}
