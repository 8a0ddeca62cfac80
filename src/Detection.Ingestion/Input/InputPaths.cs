using System.Text.RegularExpressions;

namespace Detection.Ingestion.Input;

/// <summary>Turns a path argument (file, folder or glob) into files, in a stable order.</summary>
internal static class InputPaths
{
    /// <summary>Extensions read when walking a folder; a file named explicitly is read whatever its extension.</summary>
    private static readonly string[] DataExtensions = [".json", ".jsonl", ".ndjson", ".csv", ".gz", ".log"];

    /// <summary>
    /// The sample generator's sidecar files (scenario labels and row counts), which sit beside its logs: skipped
    /// when walking a folder so that <c>--data samples</c> reads only logs; read if named explicitly.
    /// </summary>
    private static readonly string[] SidecarFiles = ["labels.json", "manifest.json"];

    public static IReadOnlyList<string> Expand(string path, out string? problem)
    {
        problem = null;
        if (File.Exists(path)) return [path];
        if (Directory.Exists(path)) return DataFiles(path, "**");
        if (path.IndexOfAny(['*', '?']) >= 0)
        {
            var normalized = path.Replace('\\', '/');
            var firstWild = normalized.IndexOfAny(['*', '?']);
            var slash = normalized.LastIndexOf('/', firstWild);
            var root = slash < 0 ? "." : normalized[..slash];
            if (root.Length == 0) root = "/";
            var pattern = slash < 0 ? normalized : normalized[(slash + 1)..];
            var files = Directory.Exists(root) ? Glob(root, pattern) : [];
            if (files.Count == 0) problem = "no file matches this pattern";
            return files;
        }
        problem = "no such file or folder";
        return [];
    }

    private static List<string> DataFiles(string folder, string pattern) =>
        Glob(folder, pattern)
            .Where(f => DataExtensions.Any(e => f.EndsWith(e, StringComparison.OrdinalIgnoreCase)))
            .Where(f => !SidecarFiles.Contains(Path.GetFileName(f), StringComparer.OrdinalIgnoreCase))
            .ToList();

    private static List<string> Glob(string root, string pattern)
    {
        var regex = new Regex(
            "^" + Regex.Escape(pattern).Replace(@"\*\*/", "(.*/)?").Replace(@"\*\*", ".*").Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$",
            RegexOptions.CultureInvariant);
        var recursive = pattern.Contains('/') || pattern.Contains("**");
        return Directory.EnumerateFiles(root, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
            .Where(f => regex.IsMatch(Path.GetRelativePath(root, f).Replace('\\', '/')))
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}
