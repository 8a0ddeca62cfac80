using System.Runtime.CompilerServices;

namespace Detection.Incidents.Tests.Support;

/// <summary>
/// Golden files under Golden/ beside the tests. A test compares its output with the file; with
/// DETECTION_UPDATE_GOLDEN=1 it rewrites the file instead, to be reviewed as a diff.
/// </summary>
internal static class Golden
{
    public static void Match(string name, string actual, [CallerFilePath] string caller = "")
    {
        var path = Path.Combine(FindTestsRoot(caller), "Golden", name);
        actual = actual.Replace("\r\n", "\n");
        if (Environment.GetEnvironmentVariable("DETECTION_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
            return;
        }
        Assert.True(File.Exists(path), $"no golden file {name}: run the tests with DETECTION_UPDATE_GOLDEN=1 and review the new file");
        Assert.Equal(File.ReadAllText(path).Replace("\r\n", "\n"), actual);
    }

    private static string FindTestsRoot(string caller)
    {
        var directory = Path.GetDirectoryName(caller);
        while (directory is not null && !File.Exists(Path.Combine(directory, "Detection.Incidents.Tests.csproj"))) directory = Path.GetDirectoryName(directory);
        return directory ?? throw new InvalidOperationException($"cannot find the test project above {caller}");
    }
}
