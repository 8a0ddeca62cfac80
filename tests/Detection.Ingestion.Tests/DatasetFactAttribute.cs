using System.Runtime.CompilerServices;

namespace Detection.Ingestion.Tests;

/// <summary>
/// A fact over the real sample files in <c>../shared/datasets</c>; skipped, with the reason, when that folder is absent
/// (a fresh clone has no ../shared).
/// </summary>
public sealed class DatasetFactAttribute : FactAttribute
{
    public DatasetFactAttribute()
    {
        if (Datasets.Folder is null) Skip = "../shared/datasets is not present";
    }
}

public static class Datasets
{
    public static string? Folder { get; } = Find();

    public static string File(string name) => Path.Combine(Folder ?? throw new InvalidOperationException("no datasets"), name);

    /// <summary>DETECTION_DATASETS, else a <c>shared/datasets</c> beside a parent of this source file (the repository's ../shared), of the binaries or of the working folder.</summary>
    private static string? Find([CallerFilePath] string sourceFile = "")
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("DETECTION_DATASETS");
        if (fromEnvironment is not null) return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        string?[] starts = [Path.GetDirectoryName(sourceFile), AppContext.BaseDirectory, Environment.CurrentDirectory];
        foreach (var start in starts.OfType<string>())
        {
            if (Search(start) is { } found) return found;
        }
        return null;
    }

    private static string? Search(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "datasets");
            if (Directory.Exists(candidate)) return candidate;
            candidate = Path.Combine(dir.FullName, "..", "shared", "datasets");
            if (Directory.Exists(candidate)) return Path.GetFullPath(candidate);
        }
        return null;
    }
}
