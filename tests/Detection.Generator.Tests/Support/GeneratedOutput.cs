using System.Globalization;
using System.Text.Json;

namespace Detection.Generator.Tests.Support;

/// <summary>One export record as read back from a .jsonl file, independently of the generator's own code.</summary>
public sealed record ExportRecord(string File, int Line, string Category, DateTime Time, JsonElement Json)
{
    public JsonElement Properties => Json.GetProperty("properties");
    public string? Prop(string name) => Properties.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
    public string? Upn => Prop("userPrincipalName");
    public string? Ip => Prop("ipAddress");
    public int ErrorCode => Properties.GetProperty("status").GetProperty("errorCode").GetInt32();
}

/// <summary>One flow tuple as read back from a flow-log blob.</summary>
public sealed record FlowRow(string File, bool Vnet, DateTime Time, string Source, string Destination, int SourcePort, int DestinationPort,
    string Protocol, char Direction, bool Allowed, char State, string Rule);

/// <summary>Reads a generator output folder: export bodies, flow-log blobs, labels.json and manifest.json.</summary>
public sealed class GeneratedOutput
{
    public GeneratedOutput(string root)
    {
        Root = root;
        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "eventhub"), "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var line = 0;
            foreach (var text in File.ReadLines(path))
            {
                line++;
                var body = JsonDocument.Parse(text).RootElement;
                var records = body.GetProperty("records");
                BatchSizes.Add(records.GetArrayLength());
                foreach (var record in records.EnumerateArray())
                    Records.Add(new ExportRecord(path, line, record.GetProperty("category").GetString()!, ParseTime(record.GetProperty("time").GetString()!), record));
            }
        }

        foreach (var path in Directory.EnumerateFiles(Path.Combine(root, "flowlogs"), "PT1H.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var blob = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            foreach (var record in blob.GetProperty("records").EnumerateArray())
            {
                FlowRecords.Add(record);
                if (record.TryGetProperty("properties", out var properties))
                {
                    foreach (var ruleGroup in properties.GetProperty("flows").EnumerateArray())
                        foreach (var macGroup in ruleGroup.GetProperty("flows").EnumerateArray())
                            foreach (var tuple in macGroup.GetProperty("flowTuples").EnumerateArray())
                                Flows.Add(ParseNsgTuple(path, ruleGroup.GetProperty("rule").GetString()!, tuple.GetString()!));
                }
                else
                {
                    foreach (var acl in record.GetProperty("flowRecords").GetProperty("flows").EnumerateArray())
                        foreach (var group in acl.GetProperty("flowGroups").EnumerateArray())
                            foreach (var tuple in group.GetProperty("flowTuples").EnumerateArray())
                                Flows.Add(ParseVnetTuple(path, group.GetProperty("rule").GetString()!, tuple.GetString()!));
                }
            }
        }

        Labels = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "labels.json"))).RootElement;
        Manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(root, "manifest.json"))).RootElement;
    }

    public string Root { get; }
    public List<ExportRecord> Records { get; } = [];
    public List<int> BatchSizes { get; } = [];
    public List<JsonElement> FlowRecords { get; } = [];
    public List<FlowRow> Flows { get; } = [];
    public JsonElement Labels { get; }
    public JsonElement Manifest { get; }

    public IEnumerable<JsonElement> Scenarios => Labels.GetProperty("scenarios").EnumerateArray();

    public IEnumerable<ExportRecord> SignIns => Records.Where(r => r.Category.EndsWith("SignInLogs", StringComparison.Ordinal));

    public static DateTime ParseTime(string text) => DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);

    /// <summary>The table each wire category lands in (FORMATS.md), written out here rather than taken from the generator.</summary>
    public static string TableOf(string category) => category switch
    {
        "SignInLogs" => "SigninLogs",
        "NonInteractiveUserSignInLogs" => "AADNonInteractiveUserSignInLogs",
        "ServicePrincipalSignInLogs" => "AADServicePrincipalSignInLogs",
        "ManagedIdentitySignInLogs" => "AADManagedIdentitySignInLogs",
        "AuditLogs" => "AuditLogs",
        "Administrative" => "AzureActivity",
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    private static FlowRow ParseNsgTuple(string file, string rule, string tuple)
    {
        var f = tuple.Split(',');
        Assert.Equal(13, f.Length);
        Assert.Equal(10, f[0].Length);
        return new FlowRow(file, false, DateTime.UnixEpoch.AddSeconds(long.Parse(f[0], CultureInfo.InvariantCulture)), f[1], f[2],
            int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture), f[5], f[6][0], f[7] == "A", f[8][0], rule);
    }

    private static FlowRow ParseVnetTuple(string file, string rule, string tuple)
    {
        var f = tuple.Split(',');
        Assert.Equal(13, f.Length);
        Assert.Equal(13, f[0].Length);
        var protocol = f[5] switch { "6" => "T", "17" => "U", _ => throw new FormatException(tuple) };
        return new FlowRow(file, true, DateTime.UnixEpoch.AddMilliseconds(long.Parse(f[0], CultureInfo.InvariantCulture)), f[1], f[2],
            int.Parse(f[3], CultureInfo.InvariantCulture), int.Parse(f[4], CultureInfo.InvariantCulture), protocol, f[6][0], f[7] != "D", f[7][0], rule);
    }
}
