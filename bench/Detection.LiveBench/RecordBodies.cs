using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Detection.Generator;

namespace Detection.LiveBench;

/// <summary>
/// Generated days (<c>detect generate</c>) as Event Hubs message bodies of one record each (<c>{"records":[record]}</c>,
/// export and flow-log records alike), in time order: the same shape the service tests produce.
/// </summary>
internal static class RecordBodies
{
    public static List<(DateTime Time, byte[] Body)> Generate(string folder, int days, int users)
    {
        SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = folder, Days = days, Users = users, Seed = 7 });
        var bodies = new List<(DateTime, byte[])>();
        foreach (var file in Directory.EnumerateFiles(folder, "*.json*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) is "labels.json" or "manifest.json") continue;
            var documents = file.EndsWith(".jsonl", StringComparison.Ordinal) ? File.ReadLines(file) : [File.ReadAllText(file)];
            foreach (var document in documents.Where(d => d.Trim().Length > 0))
            {
                foreach (var record in JsonNode.Parse(document)!["records"]!.AsArray())
                {
                    var time = DateTime.Parse((string)record!["time"]!, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
                    bodies.Add((time, Encoding.UTF8.GetBytes(new JsonObject { ["records"] = new JsonArray(record.DeepClone()) }.ToJsonString())));
                }
            }
        }
        return bodies.OrderBy(b => b.Item1).ToList();
    }
}
