using Detection.Generator;

namespace Detection.Benchmarks;

/// <summary>
/// Export-format sign-in bodies made by the sample generator (the wire format Event Hubs delivers), written once
/// to a temporary folder and reused by every benchmark of the process.
/// </summary>
internal static class BenchmarkData
{
    private static readonly Lazy<string> SignInFile = new(Create);

    /// <summary>One file of interactive sign-in export bodies (one Event Hubs message body a line).</summary>
    public static string SignIns => SignInFile.Value;

    private static string Create()
    {
        var dir = Path.Combine(Path.GetTempPath(), "detection-bench-data");
        var marker = Path.Combine(dir, "signins.jsonl");
        if (File.Exists(marker)) return marker;
        var generated = Path.Combine(dir, "generated");
        SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = generated, Days = 7, Users = 2000, Seed = 7 });
        var files = Directory.EnumerateFiles(generated, "*.jsonl", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f).Contains("SignInLogs", StringComparison.OrdinalIgnoreCase)
                        && !Path.GetFileName(f).Contains("NonInteractive", StringComparison.OrdinalIgnoreCase)
                        && !Path.GetFileName(f).Contains("ServicePrincipal", StringComparison.OrdinalIgnoreCase)
                        && !Path.GetFileName(f).Contains("ManagedIdentity", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (files.Count == 0) throw new InvalidOperationException($"the generator wrote no interactive sign-in files under {generated}");
        using var output = File.Create(marker);
        foreach (var file in files)
        {
            using var input = File.OpenRead(file);
            input.CopyTo(output);
        }
        return marker;
    }
}
