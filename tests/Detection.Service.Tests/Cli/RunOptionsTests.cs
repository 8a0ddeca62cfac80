using System.CommandLine;
using Detection.Cli;
using Detection.Service.Tests.Support;

namespace Detection.Service.Tests.Cli;

/// <summary><c>detect run</c> refuses unusable settings before it opens anything, naming the option (exit code 2).</summary>
public sealed class RunOptionsTests
{
    [Theory]
    [InlineData("0s", "NRT interval must be positive")]
    [InlineData("fast", "--nrt-interval must be a duration")]
    public void A_bad_nrt_interval_is_a_usage_error(string value, string message)
    {
        var error = new StringWriter();
        var exit = DetectCommand.Build().Parse(["run", "--source", "-", "--rules", Repository.Detections, "--nrt-interval", value])
            .Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        Assert.Equal(2, exit);
        Assert.Contains(message, error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    public void A_bad_rule_parallelism_is_a_usage_error(string value)
    {
        var error = new StringWriter();
        var exit = DetectCommand.Build().Parse(["run", "--source", "-", "--rules", Repository.Detections, "--rule-parallelism", value])
            .Invoke(new InvocationConfiguration { Output = TextWriter.Null, Error = error });
        Assert.Equal(2, exit);
        Assert.Contains("--rule-parallelism must be a whole number of at least 1", error.ToString(), StringComparison.Ordinal);
    }
}
