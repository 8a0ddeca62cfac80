using System.Runtime.CompilerServices;

namespace Detection.Anomalies.Tests;

/// <summary>
/// A fact over Kusto's own output in <c>../shared/datasets/TimeSeriesDemo.csv</c>; skipped, with the reason, when the
/// file is absent (a fresh clone has no ../shared). DETECTION_DATASETS overrides the folder.
/// </summary>
public sealed class TimeSeriesDemoFactAttribute : FactAttribute
{
    public TimeSeriesDemoFactAttribute()
    {
        if (TimeSeriesDemo.Path is null) Skip = "../shared/datasets/TimeSeriesDemo.csv is not present";
    }
}

/// <summary>TimeSeriesDemo.csv (msticpy; INDEX.md A9): 840 hourly points with Kusto's baseline, score and flag.</summary>
public static class TimeSeriesDemo
{
    public const string FileName = "TimeSeriesDemo.csv";

    public static string? Path { get; } = Find();

    public static (double[] Values, double[] Baseline, double[] Score, int[] Flag) Load()
    {
        var lines = File.ReadAllLines(Path ?? throw new InvalidOperationException("no TimeSeriesDemo.csv")).Skip(1)
            .Where(l => l.Length > 0).Select(l => l.Split(',').Select(f => f.Trim('"')).ToArray()).ToArray();
        double Num(string s) => double.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
        return (lines.Select(f => Num(f[1])).ToArray(), lines.Select(f => Num(f[2])).ToArray(),
            lines.Select(f => Num(f[3])).ToArray(), lines.Select(f => (int)Num(f[4])).ToArray());
    }

    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DETECTION_DATASETS");
        if (fromEnvironment is not null) return Existing(System.IO.Path.Combine(fromEnvironment, FileName));
        for (var dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(sourceFile) ?? "."); dir is not null; dir = dir.Parent)
        {
            if (Existing(System.IO.Path.Combine(dir.FullName, "shared", "datasets", FileName)) is { } found) return found;
        }
        return Existing("/work/shared/datasets/" + FileName);
    }

    private static string? Existing(string path) => File.Exists(path) ? path : null;
}
