using Detection.Generator.Tests.Support;

namespace Detection.Generator.Tests;

[Collection(SampleCollection.Name)]
public sealed class ManifestTests(SampleFixture sample)
{
    private GeneratedOutput Output => sample.Output;

    [Fact]
    public void Manifest_row_counts_equal_the_records_and_tuples_in_the_files()
    {
        var expected = Output.Records.GroupBy(r => GeneratedOutput.TableOf(r.Category)).ToDictionary(g => g.Key, g => (long)g.Count());
        expected["NTANetAnalytics"] = Output.Flows.Count;

        var tables = Output.Manifest.GetProperty("tables");
        foreach (var (table, count) in expected) Assert.Equal(count, tables.GetProperty(table).GetInt64());
        Assert.Equal(expected.Count, tables.EnumerateObject().Count());
        Assert.Equal(7, expected.Count);
        Assert.All(expected.Values, count => Assert.True(count > 0));
    }

    [Fact]
    public void Manifest_lists_every_file_with_its_size()
    {
        var listed = Output.Manifest.GetProperty("files").EnumerateArray()
            .ToDictionary(f => f.GetProperty("path").GetString()!, f => f.GetProperty("bytes").GetInt64());
        var onDisk = Directory.EnumerateFiles(Output.Root, "*", SearchOption.AllDirectories)
            .Select(p => Path.GetRelativePath(Output.Root, p).Replace('\\', '/'))
            .Where(p => p is not "manifest.json" and not "labels.json")
            .ToList();
        Assert.Equal(onDisk.Order(StringComparer.Ordinal), listed.Keys.Order(StringComparer.Ordinal));
        foreach (var path in onDisk) Assert.Equal(new FileInfo(Path.Combine(Output.Root, path)).Length, listed[path]);
    }

    [Fact]
    public void Both_flow_log_formats_are_present()
    {
        Assert.Contains(Output.Flows, f => f.Vnet);
        Assert.Contains(Output.Flows, f => !f.Vnet);
        Assert.True(Output.Manifest.GetProperty("categories").GetProperty("FlowLogFlowEvent").GetProperty("rows").GetInt64() > 0);
    }

    [Fact]
    public void Event_hubs_bodies_hold_between_1_and_50_records()
    {
        Assert.All(Output.BatchSizes, n => Assert.InRange(n, 1, 50));
        Assert.Contains(Output.BatchSizes, n => n > 1);
    }

    [Fact]
    public void Each_generated_day_is_under_5_MB()
    {
        foreach (var day in sample.Summary.Files.GroupBy(f => f.Day))
            Assert.True(day.Sum(f => f.Bytes) < 5_000_000, $"{day.Key} has {day.Sum(f => f.Bytes)} bytes");
    }

    [Fact]
    public void Every_record_lies_in_the_generated_range_and_in_its_day_file()
    {
        var start = GeneratorOptions.DefaultStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        foreach (var r in Output.Records)
        {
            Assert.InRange(r.Time, start, start.AddDays(SampleFixture.Days).AddTicks(-1));
            Assert.Contains($"{r.Time:yyyy-MM-dd}", r.File, StringComparison.Ordinal);
        }
        Assert.All(Output.Flows, f => Assert.InRange(f.Time, start, start.AddDays(SampleFixture.Days)));
    }
}
