using System.Globalization;
using Detection.Kql.Symbols;

namespace Detection.Kql.Parsing;

/// <summary>Checks the raw content of typed literals such as <c>datetime(2024-01-01)</c> and <c>guid(…)</c>.</summary>
public static class Literals
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM-ddTHH:mm", "yyyy-MM-dd HH:mm", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ssZ", "yyyy-MM-ddTHH:mm:ss.FFFFFFFZ",
        "yyyy-MM-dd HH:mm:ssZ", "yyyy-MM-ddTHH:mmZ", "yyyy/MM/dd", "MM/dd/yyyy", "yyyy-MM-ddTHH:mm:ss.FFFFFFFK",
    ];

    /// <summary>True when <paramref name="content"/> is a valid value of <paramref name="type"/> (<c>null</c> always is).</summary>
    public static bool IsValid(KqlType type, string content)
    {
        if (content is "null" or "") return content == "null" || type is KqlType.DateTime;
        return type switch
        {
            KqlType.DateTime => DateTime.TryParseExact(content, DateFormats, CultureInfo.InvariantCulture,
                                    DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _)
                                || DateTime.TryParse(content, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _),
            KqlType.TimeSpan => Timespans.TryParseLiteral(content) is not null || TimeSpan.TryParse(content, CultureInfo.InvariantCulture, out _),
            KqlType.Guid => Guid.TryParse(content, out _),
            KqlType.Int or KqlType.Long => long.TryParse(content, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
            KqlType.Real or KqlType.Decimal => double.TryParse(content, NumberStyles.Float, CultureInfo.InvariantCulture, out _)
                                               || content is "nan" or "+inf" or "-inf",
            KqlType.Bool => content is "true" or "false" or "True" or "False" or "0" or "1",
            _ => true,
        };
    }
}
