using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace Detection.Rules.Loading;

/// <summary>
/// Durations as rule files write them: Sentinel's short form (<c>5m</c>, <c>1h</c>, <c>14d</c>) or ISO 8601
/// as ARM exports write them (<c>PT5H</c>, <c>P1D</c>).
/// </summary>
public static partial class Durations
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var trimmed = text.Trim();
        var match = ShortForm().Match(trimmed);
        if (match.Success)
        {
            var amount = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
            value = match.Groups[2].Value.ToLowerInvariant() switch
            {
                "s" => TimeSpan.FromSeconds(amount),
                "m" => TimeSpan.FromMinutes(amount),
                "h" => TimeSpan.FromHours(amount),
                _ => TimeSpan.FromDays(amount),
            };
            return true;
        }
        if (trimmed.StartsWith('P') || trimmed.StartsWith('p'))
        {
            try
            {
                value = XmlConvert.ToTimeSpan(trimmed.ToUpperInvariant());
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>The short form a rule file would use: 90m → 1h30m is written as "90m", whole days as "2d".</summary>
    public static string Format(TimeSpan value) =>
        value.TotalDays >= 1 && value.TotalDays == Math.Floor(value.TotalDays) ? $"{value.TotalDays:0}d"
        : value.TotalHours >= 1 && value.TotalHours == Math.Floor(value.TotalHours) ? $"{value.TotalHours:0}h"
        : value.TotalMinutes == Math.Floor(value.TotalMinutes) ? $"{value.TotalMinutes:0}m"
        : $"{value.TotalSeconds:0}s";

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*([smhdSMHD])$")]
    private static partial Regex ShortForm();
}
