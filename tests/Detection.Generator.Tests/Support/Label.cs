using System.Text.Json;

namespace Detection.Generator.Tests.Support;

/// <summary>One scenario instance from labels.json.</summary>
public sealed record Label(string Id, string Name, DateTime Start, DateTime End, IReadOnlyList<string> Tables, JsonElement Json)
{
    public IReadOnlyList<string> Entities(string kind) =>
        Json.GetProperty("entities").TryGetProperty(kind, out var values) ? values.EnumerateArray().Select(v => v.GetString()!).ToList() : [];

    public string Entity(string kind) => Assert.Single(Entities(kind));

    public double Detail(string name) => Json.GetProperty("details").GetProperty(name).GetDouble();

    public bool Covers(DateTime t) => t >= Start && t <= End;

    public static IReadOnlyList<Label> All(GeneratedOutput output) => output.Scenarios.Select(s => new Label(
        s.GetProperty("id").GetString()!,
        s.GetProperty("name").GetString()!,
        GeneratedOutput.ParseTime(s.GetProperty("start").GetString()!),
        GeneratedOutput.ParseTime(s.GetProperty("end").GetString()!),
        s.GetProperty("tables").EnumerateArray().Select(t => t.GetString()!).ToList(),
        s)).ToList();

    public static IReadOnlyList<Label> Named(GeneratedOutput output, string name)
    {
        var labels = All(output).Where(l => l.Name == name).ToList();
        Assert.Equal(SampleFixture.Days, labels.Count);
        return labels;
    }
}
