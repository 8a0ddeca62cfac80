using System.Globalization;
using System.Text.Json;

namespace Detection.Runtime.Tests.EndToEnd;

/// <summary>One scenario instance of the generator's labels.json: name, window (first and last event) and entities by kind.</summary>
public sealed record ScenarioLabel(string Id, string Name, DateTime Start, DateTime End, IReadOnlyDictionary<string, string[]> Entities)
{
    public string[] EntitiesOf(string kind) => Entities.GetValueOrDefault(kind) ?? [];

    public static IReadOnlyList<ScenarioLabel> Read(string labelsFile)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(labelsFile));
        return document.RootElement.GetProperty("scenarios").EnumerateArray().Select(s => new ScenarioLabel(
            s.GetProperty("id").GetString()!,
            s.GetProperty("name").GetString()!,
            Time(s.GetProperty("start")),
            Time(s.GetProperty("end")),
            s.GetProperty("entities").EnumerateObject().ToDictionary(
                e => e.Name, e => e.Value.EnumerateArray().Select(v => v.ToString()).ToArray(), StringComparer.Ordinal))).ToList();
    }

    private static DateTime Time(JsonElement value) =>
        DateTime.Parse(value.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}
