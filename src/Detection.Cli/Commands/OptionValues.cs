using System.CommandLine;
using System.Globalization;
using Detection.Rules.Loading;

namespace Detection.Cli.Commands;

/// <summary>
/// Option values of the commands that run the engine (durations, sizes, counts): parsed, or a problem naming the option
/// added to the caller's list (the command then reports them all and exits with 2). A missing option gives null.
/// </summary>
internal static class OptionValues
{
    /// <summary>--rule-parallelism N, the same for replay and run (read with <see cref="Count"/>).</summary>
    public static Option<string?> RuleParallelism() => new("--rule-parallelism")
    {
        Description = "How many rules' runs of one instant evaluate at once (default: the processor count; 1 runs them one after the other). Alerts and incidents are the same for every value.",
        HelpName = "N",
    };

    public static TimeSpan? Duration(string? text, string name, List<string> problems)
    {
        if (text is null) return null;
        if (Durations.TryParse(text, out var value) && value >= TimeSpan.Zero) return value;
        problems.Add($"{name} must be a duration such as 30s, 5m, 1h or PT5M, not '{text}'");
        return null;
    }

    public static int? Count(string? text, string name, List<string> problems)
    {
        if (text is null) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= 1) return value;
        problems.Add($"{name} must be a whole number of at least 1, not '{text}'");
        return null;
    }

    public static long? Size(string? text, string name, List<string> problems)
    {
        if (text is null) return null;
        var t = text.Trim().ToUpperInvariant();
        var (digits, factor) = t.EndsWith("GB") ? (t[..^2], 1L << 30) : t.EndsWith("MB") ? (t[..^2], 1L << 20) : t.EndsWith("KB") ? (t[..^2], 1L << 10) : (t, 1L);
        if (double.TryParse(digits, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && n > 0) return (long)(n * factor);
        problems.Add($"{name} must be a size such as 512MB or 4GB, not '{text}'");
        return null;
    }
}
