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
        var records = new List<GeneratedBody>();
        foreach (var file in Directory.EnumerateFiles(DataFolder, "*.json*", SearchOption.AllDirectories))
        {
            if (Path.GetFileName(file) is "labels.json" or "manifest.json") continue;
            var documents = file.EndsWith(".jsonl", StringComparison.Ordinal) ? System.IO.File.ReadLines(file) : [System.IO.File.ReadAllText(file)];
            foreach (var document in documents.Where(d => d.Trim().Length > 0))
            {
                foreach (var record in JsonNode.Parse(document)!["records"]!.AsArray())
                {
                    var time = DateTime.Parse((string)record!["time"]!, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
                    var body = Encoding.UTF8.GetBytes(new JsonObject { ["records"] = new JsonArray(record.DeepClone()) }.ToJsonString());
                    records.Add(new GeneratedBody(time, AccountOf(record), body));
                }
            }
        }
        Records = records.OrderBy(r => r.Time).ToList();
        Bodies = Records.Select(r => r.Body).ToList();
    }

    /// <summary>The generated files (what <c>detect replay</c> reads).</summary>
    public string DataFolder => _folder.File("data");

    public string File(string name) => _folder.File(name);

    public IReadOnlyList<byte[]> Bodies { get; }

    /// <summary>The bodies with their record's time and account, in time order.</summary>
    public IReadOnlyList<GeneratedBody> Records { get; }

    /// <summary>
    /// Who a record is about, as a producer that partitions by account would key it: the signing-in user, the user who
    /// made a directory change, the caller of an Azure operation. Flow logs have no account: they share one key, so that
    /// flows of one source stay together; other records without a user (service principals, managed identities,
    /// directory changes made by apps) are keyed by their category.
    /// </summary>
    private static string AccountOf(JsonNode record)
    {
        var properties = record["properties"];
        var claims = record["identity"] is JsonObject identity ? identity["claims"] : null;
        if (record["flowRecords"] is not null || properties?["flows"] is not null) return "network";
        return Text(properties?["userPrincipalName"])
            ?? Text(properties?["initiatedBy"]?["user"]?["userPrincipalName"])
            ?? Text(claims?["http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn"])
            ?? Text(claims?["http://schemas.microsoft.com/identity/claims/objectidentifier"])
            ?? Text(record["category"]) ?? "";
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) && text.Length > 0 ? text : null;

    public void Dispose() => _folder.Dispose();
}

/// <summary>One message body, the time of its record and the account it is about (a producer's partition key).</summary>
internal sealed record GeneratedBody(DateTime Time, string Account, byte[] Body);
