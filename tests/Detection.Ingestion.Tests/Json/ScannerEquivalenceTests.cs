using System.Runtime.CompilerServices;
using System.Text;
using Detection.Testing;

namespace Detection.Ingestion.Tests.Json;

/// <summary>
/// Export records read by the hot path's scanner load exactly as they do with <see cref="System.Text.Json.Utf8JsonReader"/>
/// alone: the same rows, cells, rejections (with their lines and reasons), notes and counts.
/// </summary>
public sealed class ScannerEquivalenceTests
{
    private static readonly string[] Records =
    [
        """{"time":"2024-05-01T08:00:00Z","category":"SignInLogs","resultType":"0","properties":{"userPrincipalName":"a@contoso.com","ipAddress":"198.51.100.1","status":{"errorCode":0}}}""",
        """{"time":"2024-05-01T08:00:01Z","category":"SignInLogs","correlationId":"top","properties":{"correlationId":"inner","userPrincipalName":"esc\"aped\\\u00e9@contoso.com"}}""",
        """{ "time" : "2024-05-01T08:00:02Z" , "category" : "SignInLogs" , "properties" : { "location" : { "city" : "Zürich" , "n" : [ 1 , 2.5e3 , -0 ] } , "isInteractive" : true } }""",
        """{"time":"2024-05-01T08:00:03Z","categ\u006fry":"SignInLogs","properties":{"us\u0065rPrincipalName":"b@contoso.com"}}""",
        """{"time":"2024-05-01T08:00:04Z","category":"signinlogs","properties":{"userPrincipalName":"c@contoso.com"}}""",
        """{"time":"2024-05-01T08:00:05Z","category":"AuditLogs","operationName":"Add member to role","properties":{"id":"x","category":"RoleManagement","targetResources":[{"id":"t"}],"result":0}}""",
        """{"time":"2024-05-01T08:00:06Z","category":"SignInLogs","category":"AuditLogs","properties":{"userPrincipalName":"dup@contoso.com"}}""",
        """{"time":"2024-05-01T08:00:07Z","properties":{"userPrincipalName":"late@contoso.com"},"category":"SignInLogs"}""",
        """{"time":"2024-05-01T08:00:08Z","category":7,"properties":{}}""",
        """{"time":"2024-05-01T08:00:09Z","properties":{}}""",
        """{"time":"yesterday","category":"SignInLogs","properties":{}}""",
        """{"time":"2024-05-01T08:00:10Z","category":"SignInLogs","properties":{"isInteractive":"maybe"}}""",
        """{"time":"2024-05-01T08:00:11Z","category":"SignInLogs","properties":{"userAgent":"0123456789012345678901234567890123456789"}}""",
        """{"time":"2024-05-01T08:00:12Z","category":"SignInLogs","properties":{"userPrincipalName": nope}}""",
        """{"time":"2024-05-01T08:00:13Z","category":"SignInLogs","properties":{"deep":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}}""",
        """{"time":"2024-05-01T08:00:14Z","category":"SignInLogs","properties":{"userDisplayName":"\ud83d\ude00 \u00e9","resultDescription":"tab\there"}}""",
        """{"time":"2024-05-01T08:00:15Z","category":"SignInLogs","properties":{"userDisplayName":"\u0041\u00DF\u6771 \/"}}""",
        """{"time":"2024-05-01T08:00:16Z","category":"Administrative","resourceId":"/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Compute/virtualMachines/vm1","operationName":"MICROSOFT.COMPUTE/VIRTUALMACHINES/WRITE","identity":{"authorization":{"scope":"/subscriptions/s1"},"claims":{"upn":"u@contoso.com","oid":"o"}},"properties":{"eventCategory":"Administrative","statusCode":"Created"},"level":"Information"}""",
        """{"time":"2024-05-01T08:00:17Z","category":"Write","resourceId":"/subscriptions/s1/providers/x","properties":{"eventCategory":"Policy"}}""",
        """{"time":"2024-05-01T08:00:18Z","category":"NonInteractiveUserSignInLogs","properties":{"userPrincipalName":"ni@contoso.com","status":{"errorCode":0},"processingTimeInMilliseconds":12}}""",
        """{"time":"2024-05-01T08:00:19Z","category":"ProvisioningLogs","properties":{}}""",
        """{"time":"2024-05-01T08:00:20Z","category":"SignInLogs","properties":{"status":{"errorCode":0},"riskEventTypes":[],"flaggedForReview":false,"autonomousSystemNumber":8075,"durationMs":-1}}""",
        """{"time":"2024-05-01T08:00:21Z","category":"SignInLogs","properties":{"status":{"errorCode":0},"riskEventTypes":[],"flaggedForReview":false,"autonomousSystemNumber":8075}}""",
        """{"time":"2024-05-01T08:00:22Z","category":"SignInLogs","properties":{"status": {"errorCode":0}, "riskEventTypes":[ ]}}""",
    ];

    [Fact]
    public void TrickyRecordsLoadTheSame()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("body.json"), "{\"records\":[" + string.Join(",", Records) + "]}\n"
            + string.Join("\n", Records.Select(r => "{\"records\":[" + r + "]}")) + "\n" + string.Join("\n", Records) + "\n");
        AssertSameBothWays(new LoadOptions { MaxFieldBytes = 32 }, dir.File("body.json"));
        AssertSameBothWays(new LoadOptions(), dir.File("body.json"));
    }

    [Fact]
    public void PrettyPrintedAndTruncatedBodiesLoadTheSame()
    {
        using var dir = new TempDirectory();
        var pretty = "{\n  \"records\": [\n    " + string.Join(",\n    ", Records) + "\n  ]\n}\n";
        File.WriteAllText(dir.File("pretty.json"), pretty);
        File.WriteAllText(dir.File("cut.json"), pretty[..(pretty.Length / 2)]);
        AssertSameBothWays(new LoadOptions(), dir.File("pretty.json"), dir.File("cut.json"));
    }

    /// <summary>
    /// Every single-byte mutation of a few records, each in a body between good records. (Invalid UTF-8 is left to
    /// <see cref="JsonScannerTests"/>: the scanner declines it, and the reader's path throws on it in a category today.)
    /// </summary>
    [Fact]
    public void MutatedRecordsLoadTheSame()
    {
        using var dir = new TempDirectory();
        byte[] replacements = [(byte)'"', (byte)'\\', (byte)',', (byte)'}', (byte)']', (byte)' ', (byte)'\t', 0, (byte)'1', (byte)'-', (byte)'x'];
        var lines = new List<byte[]>();
        foreach (var record in Records.Take(3).Concat(Records.Skip(17).Take(2)).Select(Encoding.UTF8.GetBytes))
        {
            for (var i = 0; i < record.Length; i++)
            {
                foreach (var b in replacements)
                {
                    var mutated = (byte[])record.Clone();
                    mutated[i] = b;
                    lines.Add([.. "{\"records\":["u8, .. Encoding.UTF8.GetBytes(Records[0]), (byte)',', .. mutated, (byte)',', .. Encoding.UTF8.GetBytes(Records[19]), .. "]}\n"u8]);
                }
            }
        }
        File.WriteAllBytes(dir.File("mutated.json"), [.. lines.SelectMany(l => l)]);
        AssertSameBothWays(new LoadOptions(), dir.File("mutated.json"));
    }

    /// <summary>A body over the reader's 1 MB buffer, so that records straddle refills, with the category changing along the way.</summary>
    [Fact]
    public void ALongBodyOfMixedCategoriesLoadsTheSame()
    {
        using var dir = new TempDirectory();
        var records = Enumerable.Range(0, 6000).Select(i => Records[i % 7 == 3 ? 5 : i % 11 == 0 ? 19 : i % 5 == 0 ? 20 : 0]);
        File.WriteAllText(dir.File("long.json"), "{\"records\":[" + string.Join(",", records) + "]}");
        AssertSameBothWays(new LoadOptions(), dir.File("long.json"));
    }

    [Fact]
    public void TheSampleDayAndTheFixturesLoadTheSame() =>
        AssertSameBothWays(new LoadOptions(), Path.Combine(RepositoryRoot(), "samples"), Load.Fixture("export-body.json"), Load.Fixture("body-per-line.jsonl"));

    private static void AssertSameBothWays(LoadOptions options, params string[] paths)
    {
        var scanned = DataLoader.Load(paths, options);
        var reference = DataLoader.Load(paths, options with { ScanExportRecords = false });
        Assert.Equal(Load.RejectionLines(reference.Rejections), Load.RejectionLines(scanned.Rejections));
        Assert.Equal(reference.RejectedCount, scanned.RejectedCount);
        Assert.Equal(reference.SkippedByCategory.OrderBy(e => e.Key), scanned.SkippedByCategory.OrderBy(e => e.Key));
        Assert.Equal(reference.RejectedByTable.OrderBy(e => e.Key), scanned.RejectedByTable.OrderBy(e => e.Key));
        Assert.Equal(reference.Notes, scanned.Notes);
        Assert.Equal(reference.RowsByTable.OrderBy(e => e.Key), scanned.RowsByTable.OrderBy(e => e.Key));
        foreach (var (name, expected) in reference.Tables)
        {
            var actual = scanned.Tables[name];
            for (var column = 0; column < expected.Schema.Columns.Length; column++)
            {
                for (long row = 0; row < expected.RowCount; row++)
                {
                    Assert.True(Load.CellText(expected.GetValue(row, column)) == Load.CellText(actual.GetValue(row, column)),
                        $"{name}.{expected.Schema.Columns[column].Name} row {row}: '{Load.CellText(expected.GetValue(row, column))}' read as '{Load.CellText(actual.GetValue(row, column))}'");
                }
            }
        }
    }

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", "..", ".."));
}
