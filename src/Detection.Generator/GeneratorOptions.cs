using System.Globalization;

namespace Detection.Generator;

/// <summary>What <see cref="SampleGenerator.Generate"/> produces. The same options always give the same bytes.</summary>
public sealed record GeneratorOptions
{
    /// <summary>The default first day: a fixed date, so that output never depends on the wall clock.</summary>
    public static readonly DateOnly DefaultStart = new(2026, 11, 2);

    public required string OutputDirectory { get; init; }
    public int Days { get; init; } = 1;
    public int Users { get; init; } = 50;
    public ulong Seed { get; init; } = 1;
    public DateOnly Start { get; init; } = DefaultStart;

    /// <summary>Most records in one Event Hubs message body; each body holds between 1 and this many.</summary>
    public int MaxRecordsPerMessage { get; init; } = 50;

    /// <summary>Problems with the options, each naming the option; empty when they are usable.</summary>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(OutputDirectory)) problems.Add("--out: an output directory is required.");
        if (Days is < 1 or > 366) problems.Add($"--days: must be between 1 and 366 (got {Days.ToString(CultureInfo.InvariantCulture)}).");
        if (Users is < 10 or > 100_000) problems.Add($"--users: must be between 10 and 100000 (got {Users.ToString(CultureInfo.InvariantCulture)}); the scenarios need at least 10 people.");
        if (MaxRecordsPerMessage is < 1 or > 10_000) problems.Add("MaxRecordsPerMessage: must be between 1 and 10000.");
        return problems;
    }

    /// <summary>Parses <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParseStart(string text, out DateOnly start) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out start);
}
