namespace Detection.Kql.Tests.Support;

/// <summary>Finds the optional ../shared folder beside the repository; tests that use it pass trivially without it.</summary>
public static class SharedFolder
{
    public static string? Find(string relative, [System.Runtime.CompilerServices.CallerFilePath] string sourceFile = "")
    {
        // From the build output (artifacts may live anywhere) and from this source file's folder (the repository).
        foreach (var start in new[] { AppContext.BaseDirectory, Path.GetDirectoryName(sourceFile) ?? "" })
            for (var dir = start.Length == 0 ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "shared", relative);
                if (Directory.Exists(candidate)) return candidate;
            }
        return null;
    }
}

/// <summary>Just enough YAML to read a rule's <c>query: |</c> block in tests.</summary>
public static class SimpleYaml
{
    public static string? Query(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        var start = Array.FindIndex(lines, l => l.StartsWith("query:", StringComparison.Ordinal));
        if (start < 0 || !lines[start].Contains('|')) return null;
        var body = new List<string>();
        var indent = -1;
        for (var i = start + 1; i < lines.Length; i++)
        {
            if (lines[i].Trim().Length == 0) { body.Add(""); continue; }
            var lineIndent = lines[i].Length - lines[i].TrimStart(' ').Length;
            if (indent < 0) indent = lineIndent;
            if (lineIndent < indent || lineIndent == 0) break;
            body.Add(lines[i][indent..]);
        }
        return string.Join("\n", body).TrimEnd('\n') + "\n";
    }
}
