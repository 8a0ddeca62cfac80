using System.Text.RegularExpressions;
using Detection.Testing;

namespace Detection.Cli.Tests.Commands;

/// <summary>`detect bench` on a small generated day: each replay is measured alike, and repeats report their median.</summary>
public sealed class BenchCommandTests
{
    private static readonly string Rules = Path.Combine(Repository.Root(), "detections", "Authentication");

    [Fact]
    public void Repeated_replays_find_the_same_alerts_and_report_their_median()
    {
        using var dir = new TempDirectory();
        var run = CliRun.Invoke("bench", "--rules", Rules, "--data", dir.Path, "--users", "20", "--repeat", "3");
        Assert.True(run.ExitCode == 0, run.Error);
        var replays = Regex.Matches(run.Output, @"^replay +[\d,]+ rows +([\d.]+) s .*\((\d+) rules, ([\d,]+) runs, ([\d,]+) alerts", RegexOptions.Multiline);
        Assert.Equal(3, replays.Count);
        Assert.Single(replays.Select(m => (m.Groups[3].Value, m.Groups[4].Value)).Distinct());
        var cpu = Regex.Matches(run.Output, @"^replay CPU: ([\d.]+) s on \d+ cores .*, ([\d.]+) s of it in the kernel$", RegexOptions.Multiline);
        Assert.Equal(3, cpu.Count);
        Assert.All(cpu, m => Assert.True(Seconds(m.Groups[2].Value) <= Seconds(m.Groups[1].Value), m.Value));
        Assert.Equal(3, Regex.Matches(run.Output, @"^replay JIT: [\d,]+ methods compiled in [\d.]+ s$", RegexOptions.Multiline).Count);
        var times = replays.Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        var median = Regex.Match(run.Output, @"^replay median +[\d,]+ rows +([\d.]+) s .*\(of 3: ([\d.]+) - ([\d.]+) s\)", RegexOptions.Multiline);
        Assert.True(median.Success, run.Output);
        Assert.Equal(times[1].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), median.Groups[1].Value);
        Assert.Equal(times[0].ToString("0.00", System.Globalization.CultureInfo.InvariantCulture), median.Groups[2].Value);
    }

    private static double Seconds(string text) => double.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void A_repeat_below_one_is_refused()
    {
        var run = CliRun.Invoke("bench", "--rules", Rules, "--repeat", "0");
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--repeat must be at least 1", run.Error);
    }
}
