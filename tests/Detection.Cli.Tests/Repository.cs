namespace Detection.Cli.Tests;

/// <summary>The repository these tests were built from (its rule pack, its samples).</summary>
internal static class Repository
{
    public static string Root([System.Runtime.CompilerServices.CallerFilePath] string source = "")
    {
        // The source file's own path (compile time) works wherever the build output goes (--artifacts-path).
        var directory = new DirectoryInfo(Path.GetDirectoryName(source)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Detection.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("the tests run outside the repository");
    }
}
