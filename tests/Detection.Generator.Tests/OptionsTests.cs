namespace Detection.Generator.Tests;

public sealed class OptionsTests
{
    [Fact]
    public void Defaults_are_valid_and_start_on_a_fixed_date()
    {
        var options = new GeneratorOptions { OutputDirectory = "out" };
        Assert.Empty(options.Validate());
        Assert.Equal(new DateOnly(2026, 11, 2), options.Start);
        Assert.Equal(50, options.Users);
    }

    [Fact]
    public void Each_problem_names_its_option()
    {
        var problems = new GeneratorOptions { OutputDirectory = "", Days = 0, Users = 3 }.Validate();
        Assert.Contains(problems, p => p.StartsWith("--out", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--days", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("--users", StringComparison.Ordinal));
        Assert.Throws<ArgumentException>(() => SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = "x", Days = 0 }));
    }

    [Theory]
    [InlineData("2026-11-02", true)]
    [InlineData("2026-13-01", false)]
    [InlineData("02/11/2026", false)]
    public void Start_dates_are_ISO_days(string text, bool valid) => Assert.Equal(valid, GeneratorOptions.TryParseStart(text, out _));
}
