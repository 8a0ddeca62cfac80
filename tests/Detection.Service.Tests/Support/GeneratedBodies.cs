using System.Text;
using System.Text.Json.Nodes;
using Detection.Cli;
using Detection.Testing;

namespace Detection.Service.Tests.Support;

/// <summary>
/// A day from <c>detect generate</c> and the same records as Event Hubs message bodies: one record per body
/// (<c>{"records":[record]}</c>, export and flow-log records alike), in time order, as a hub would carry them.
/// </summary>
internal sealed class GeneratedBodies : IDisposable
{
    private readonly TempDirectory _folder = new();

    public GeneratedBodies(int days = 1, int users = 60)
    {
        var exit = DetectCommand.Build().Parse(["generate", "--out", DataFolder, "--days", $"{days}", "--users", $"{users}", "--seed", "7"])
            .Invoke(new System.CommandLine.InvocationConfiguration { Output = TextWriter.Null, Error = TextWriter.Null });
        Assert.Equal(0, exit);
        var records = new List<(DateTime Time, byte[] Body)>();
        foreach (var file in Directory.EnumerateFiles(DataFolder, "*.json*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) is "labels.json" or "manifest.json") continue;
            var documents = file.EndsWith(".jsonl", StringComparison.Ordinal) ? System.IO.File.ReadLines(file) : [System.IO.File.ReadAllText(file)];
            foreach (var document in documents.Where(d => d.Trim().Length > 0))
            {
                foreach (var record in JsonNode.Parse(document)!["records"]!.AsArray())
                {
                    var time = DateTime.Parse((string)record!["time"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
                    records.Add((time, Encoding.UTF8.GetBytes(new JsonObject { ["records"] = new JsonArray(record.DeepClone()) }.ToJsonString())));
                }
            }
        }
        Bodies = records.OrderBy(r => r.Time).Select(r => r.Body).ToList();
    }

    /// <summary>The generated files (what <c>detect replay</c> reads).</summary>
    public string DataFolder => _folder.File("data");

    public string File(string name) => _folder.File(name);

    public IReadOnlyList<byte[]> Bodies { get; }

    public void Dispose() => _folder.Dispose();
}
