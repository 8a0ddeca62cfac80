using Detection.Testing;

namespace Detection.Generator.Tests.Support;

/// <summary>Two generated days with the default population, shared by the tests that only read the output.</summary>
public sealed class SampleFixture : IDisposable
{
    public const ulong Seed = 7;
    public const int Days = 2;

    private readonly TempDirectory _directory = new();

    public SampleFixture()
    {
        Options = new GeneratorOptions { OutputDirectory = _directory.Path, Days = Days, Seed = Seed };
        Summary = SampleGenerator.Generate(Options);
        Output = new GeneratedOutput(_directory.Path);
    }

    public GeneratorOptions Options { get; }
    public GenerationSummary Summary { get; }
    public GeneratedOutput Output { get; }

    public void Dispose() => _directory.Dispose();
}

[CollectionDefinition(Name)]
public sealed class SampleCollection : ICollectionFixture<SampleFixture>
{
    public const string Name = "generated sample";
}
