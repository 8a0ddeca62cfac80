using System.Runtime.CompilerServices;

namespace Detection.Runtime.Tests.Support;

/// <summary>Folders of this repository and, when present, of the shared folder beside it (../shared).</summary>
internal static class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Detections => Path.Combine(Root, "detections");

    /// <summary>DETECTION_DATASETS, else ../shared/datasets beside the repository; null when absent (a fresh clone).</summary>
    public static string? Datasets { get; } = FindDatasets();

    private static string FindRoot([CallerFilePath] string source = "")
    {
        // The source file's own path (compile time) works wherever the build output goes (--artifacts-path).
        var directory = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Detection.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("the tests run outside the repository");
    }

    private static string? FindDatasets()
    {
        if (Environment.GetEnvironmentVariable("DETECTION_DATASETS") is { } configured) return Directory.Exists(configured) ? configured : null;
        var beside = Path.GetFullPath(Path.Combine(Root, "..", "shared", "datasets"));
        return Directory.Exists(beside) ? beside : null;
    }
}
