using System.Text.Json;
using Detection.Testing;

namespace Detection.Cli.Tests.EndToEnd;

/// <summary>
/// What `detect generate` writes in the wire formats comes back through the readers row for row: for every table,
/// `detect query "T | count"` equals the generator's manifest, and nothing is rejected.
/// </summary>
public sealed class GeneratedDataCountTests
{
    [Theory]
    [InlineData(3)]
    [InlineData(11)]
    public void Every_generated_record_and_flow_tuple_is_read_back(int seed)
    {
        using var dir = new TempDirectory();
        var generated = CliRun.Invoke("generate", "--out", dir.Path, "--days", "1", "--users", "20", "--seed", seed.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(0, generated.ExitCode);
        using var manifest = JsonDocument.Parse(File.ReadAllText(dir.File("manifest.json")));
        var expected = manifest.RootElement.GetProperty("tables").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt64());
        Assert.Equal(7, expected.Count);

        foreach (var (table, rows) in expected)
        {
            var run = CliRun.Invoke("query", $"{table} | count", "--data", dir.Path, "--format", "json");
            Assert.True(run.ExitCode == 0, run.Error);
            Assert.DoesNotContain("rejected", run.Error);
            using var result = JsonDocument.Parse(run.Output);
            var count = result.RootElement.GetProperty("tables")[0].GetProperty("rows")[0][0].GetInt64();
            Assert.True(rows == count, $"{table}: the manifest says {rows}, the readers found {count}");
        }
    }
}
