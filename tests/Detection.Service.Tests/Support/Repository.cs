using System.Runtime.CompilerServices;

namespace Detection.Service.Tests.Support;

/// <summary>Paths in the repository the tests run from.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    public static string Detections => Path.Combine(Root, "detections");

    /// <summary>Copies the pack's rules whose queryPeriod is at most 2h (so offsets get committed within a day of data), but those named in <paramref name="except"/>.</summary>
    public static string ShortRules(string folder, params string[] except)
    {
        Directory.CreateDirectory(folder);
        foreach (var file in Directory.EnumerateFiles(Detections, "*.yaml", SearchOption.AllDirectories))
        {
            if (file.EndsWith(".tests.yaml", StringComparison.Ordinal) || except.Contains(Path.GetFileName(file))) continue;
            var text = File.ReadAllText(file);
            if (text.Contains("queryPeriod: 1h\n", StringComparison.Ordinal) || text.Contains("queryPeriod: 2h\n", StringComparison.Ordinal))
                File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
        return folder;
    }

    private static string Find([CallerFilePath] string source = "")
    {
        // The source file's own path (compile time) works wherever the build output goes (--artifacts-path).
        for (var dir = new DirectoryInfo(Path.GetDirectoryName(source)!); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Detection.sln"))) return dir.FullName;
        throw new InvalidOperationException("the tests run outside the repository");
    }
}
