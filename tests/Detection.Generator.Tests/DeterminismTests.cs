using Detection.Testing;

namespace Detection.Generator.Tests;

public sealed class DeterminismTests
{
    [Fact]
    public void The_same_arguments_give_the_same_bytes()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = first.Path, Days = 1, Users = 30, Seed = 42 });
        SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = second.Path, Days = 1, Users = 30, Seed = 42 });

        var a = Files(first.Path);
        var b = Files(second.Path);
        Assert.Equal(a.Keys, b.Keys);
        Assert.NotEmpty(a);
        foreach (var (path, bytes) in a) Assert.True(bytes.AsSpan().SequenceEqual(b[path]), $"{path} differs between two runs");
    }

    [Fact]
    public void A_different_seed_gives_different_data()
    {
        using var first = new TempDirectory();
        using var second = new TempDirectory();
        SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = first.Path, Days = 1, Users = 20, Seed = 1 });
        SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = second.Path, Days = 1, Users = 20, Seed = 2 });

        var a = Files(first.Path);
        var b = Files(second.Path);
        foreach (var name in new[] { "eventhub/2026-11-02/SignInLogs.jsonl", "eventhub/2026-11-02/AuditLogs.jsonl", "labels.json" })
            Assert.False(a[name].AsSpan().SequenceEqual(b[name]), $"{name} is the same for seeds 1 and 2");
    }

    [Fact]
    public void Output_does_not_depend_on_the_start_date_being_today()
    {
        using var dir = new TempDirectory();
        var summary = SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = dir.Path, Users = 10 });
        Assert.All(summary.Files, f => Assert.Equal(GeneratorOptions.DefaultStart, f.Day));
    }

    private static SortedDictionary<string, byte[]> Files(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
            .ToDictionary(p => Path.GetRelativePath(root, p).Replace('\\', '/'), File.ReadAllBytes), StringComparer.Ordinal);
}
