using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Detection.Testing;

namespace Detection.Ingestion.Tests;

/// <summary>Bad input never stops a load: the good records are kept, each bad one is set aside with its location and reason.</summary>
public sealed class BadInputTests
{
    private static string SignIn(int i, string user = "u") =>
        "{\"time\":\"2024-05-01T08:00:" + (i % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
        + "Z\",\"category\":\"SignInLogs\",\"resultType\":\"0\",\"properties\":{\"userPrincipalName\":\"" + user + i
        + "@contoso.com\",\"ipAddress\":\"198.51.100." + (i % 250) + "\",\"status\":{\"errorCode\":0}}}";

    [Fact]
    public void ATruncatedBodyKeepsTheRecordsBeforeTheCut()
    {
        using var dir = new TempDirectory();
        var body = $$"""{"records":[{{SignIn(1)}},{{SignIn(2)}},{{SignIn(3)}}]}""";
        File.WriteAllText(dir.File("cut.json"), body[..(body.Length - 40)]);
        var result = Load.Files(dir.Path);
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(3, rejection.Record);
        Assert.Equal(1, rejection.Line);
        Assert.Contains("truncated", rejection.Reason);
        Assert.Contains("the 2 records before it", rejection.Reason);
    }

    [Fact]
    public void OneMalformedRecordInsideABodyIsSkippedAndTheOthersKept()
    {
        using var dir = new TempDirectory();
        var bad = """{"time":"2024-05-01T08:00:00Z","category":"SignInLogs","properties":{"userPrincipalName": nope}}""";
        File.WriteAllText(dir.File("body.json"), $$"""{"records":[{{SignIn(1)}},{{bad}},{{SignIn(3)}}]}""" + "\n" + $$"""{"records":[{{SignIn(4)}}]}""");
        var result = Load.Files(new LoadOptions { RejectedFile = dir.File("rejected.jsonl") }, dir.File("body.json"));
        Assert.Equal(3, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(2, rejection.Record);
        Assert.Contains("malformed JSON at line 1", rejection.Reason);
        var written = JsonDocument.Parse(File.ReadAllLines(dir.File("rejected.jsonl")).Single()).RootElement;
        Assert.Equal(2, written.GetProperty("record").GetInt64());
        Assert.Contains("malformed", written.GetProperty("reason").GetString());
    }

    [Theory]
    [InlineData("{\"time\":\"2024-05-01T08:00:00Z\",\"category\":\"SignInLogs\",\"properties\":{\"userPrincipalName\":\"a\\ud800b\"}}")]
    [InlineData("{\"time\":\"2024-05-01T08:00:00Z\",\"category\":\"Sign\\ud800InLogs\",\"properties\":{}}")]
    public void ALoneSurrogateEscapeRejectsItsRecordOnly(string bad)
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("body.json"), $$"""{"records":[{{SignIn(1)}},{{bad}},{{SignIn(3)}}]}""");
        var result = Load.Files(dir.Path);
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(2, rejection.Record);
    }

    [Theory]
    [InlineData("{\"TimeGenerated\":\"2024-05-01T08:00:01Z\",\"Type\":\"SigninLogs\",\"UserPrincipalName\":\"a\\ud800b\"}")]
    [InlineData("{\"TimeGenerated\":\"2024-05-01T08:00:01Z\",\"Type\":\"Signin\\udc00Logs\",\"UserPrincipalName\":\"b\"}")]
    [InlineData("{\"TimeGenerated\":\"2024-05-01T08:00:01Z\",\"Type\":\"SigninLogs\",\"User\\ud800Name\":\"c\"}")]
    [InlineData("{\"TimeGenerated\":\"2024-05-01T08:00:01Z\",\"User\\ud800Name\":\"d\"}")]
    public void ALoneSurrogateEscapeInALogAnalyticsRowRejectsThatRowOnly(string bad)
    {
        using var dir = new TempDirectory();
        static string Row(int i) => "{\"TimeGenerated\":\"2024-05-01T08:00:0" + i + "Z\",\"Type\":\"SigninLogs\",\"UserPrincipalName\":\"u" + i + "\"}";
        File.WriteAllLines(dir.File("rows.jsonl"), [Row(1), bad, Row(3)]);
        var result = Load.Files(dir.Path);
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(2, rejection.Line);
        Assert.Contains("malformed JSON", rejection.Reason);
    }

    [Fact]
    public void OneBadLineAmongJsonLinesIsRejectedWithItsLineNumber()
    {
        using var dir = new TempDirectory();
        File.WriteAllLines(dir.File("lines.jsonl"), [SignIn(1), "{\"time\": oops", SignIn(3), "", SignIn(5)]);
        var result = Load.Files(dir.Path);
        Assert.Equal(3, result.RowsByTable["SigninLogs"]);
        Assert.Equal(2, Assert.Single(result.Rejections).Line);
    }

    [Fact]
    public void AValueThatCannotBeCoercedRejectsItsRecordOnly()
    {
        using var dir = new TempDirectory();
        var bad = """{"time":"yesterday","category":"SignInLogs","properties":{}}""";
        File.WriteAllText(dir.File("body.json"), $$"""{"records":[{{SignIn(1)}},{{bad}},{{SignIn(3)}}]}""");
        var result = Load.Files(dir.Path);
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal("SigninLogs record: field 'time': cannot read 'yesterday' as datetime", rejection.Reason);
        Assert.Equal(2, rejection.Record);
    }

    [Fact]
    public void RejectedRecordsAreWrittenWithTheirRawText()
    {
        using var dir = new TempDirectory();
        var bad = """{"time":"2024-05-01T08:00:00Z","category":"SignInLogs","properties":{"isInteractive":"maybe"}}""";
        File.WriteAllText(dir.File("body.json"), "{\"records\":[" + SignIn(1) + "," + bad + "]}");
        var result = Load.Files(new LoadOptions { RejectedFile = dir.File("out/rejected.jsonl") }, dir.File("body.json"));
        Assert.Equal(1, result.RowsByTable["SigninLogs"]);
        var written = JsonDocument.Parse(File.ReadAllLines(dir.File("out/rejected.jsonl")).Single()).RootElement;
        Assert.Equal(bad, written.GetProperty("raw").GetString());
        Assert.Equal("SigninLogs record: field 'properties.isInteractive': cannot read 'maybe' as bool", written.GetProperty("reason").GetString());
        Assert.Equal(1, written.GetProperty("line").GetInt64());
    }

    [Fact]
    public void AMalformedRecordInAPrettyPrintedBodyResumesAtTheNextRecord()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("body.json"), "{\n  \"records\": [\n    " + SignIn(1) + ",\n    {\"time\": ,\"x\":1},\n    " + SignIn(3) + "\n  ]\n}\n");
        var result = Load.Files(dir.Path);
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(4, rejection.Line);
        Assert.Equal(2, rejection.Record);
    }

    [Fact]
    public void AnOversizedFieldRejectsItsRecord()
    {
        using var dir = new TempDirectory();
        var huge = $$$"""{"time":"2024-05-01T08:00:00Z","category":"SignInLogs","properties":{"userAgent":"{{{new string('a', 2_000_000)}}}"}}""";
        File.WriteAllText(dir.File("body.json"), $$"""{"records":[{{SignIn(1)}},{{huge}},{{SignIn(3)}}]}""");
        var result = Load.Files(dir.Path);
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        Assert.Contains("field 'properties.userAgent': a value of 2,000,000 bytes is over the field limit", Assert.Single(result.Rejections).Reason);
    }

    [Fact]
    public void ARecordOverTheRecordLimitIsSkippedWithoutBufferingTheRest()
    {
        using var dir = new TempDirectory();
        var huge = "{\"time\":\"2024-05-01T08:00:00Z\",\"category\":\"SignInLogs\",\"properties\":{\"userAgent\":\"" + new string('a', 40_000) + "\"}}";
        var records = Enumerable.Range(0, 100).Select(i => SignIn(i)).ToList();
        records.Insert(50, huge);
        File.WriteAllText(dir.File("body.json"), "{\"records\":[" + string.Join(",", records) + "]}");
        var result = Load.Files(new LoadOptions { MaxRecordBytes = 16_384 }, dir.File("body.json"));
        Assert.Equal(100, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(51, rejection.Record);
        Assert.Contains("larger than the record limit of 16,384 bytes", rejection.Reason);
    }

    [Fact]
    public void ABinaryFileIsRejectedByName()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("image.json"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
        var result = Load.Files(dir.File("image.json"));
        var rejection = Assert.Single(result.Rejections);
        Assert.EndsWith("image.json", rejection.File);
        Assert.Contains("binary", rejection.Reason);
        Assert.Empty(result.Tables);
    }

    [Fact]
    public void ACorruptGzipFileIsRejectedByName()
    {
        using var dir = new TempDirectory();
        File.WriteAllBytes(dir.File("broken.json.gz"), [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF]);
        var result = Load.Files(dir.Path);
        Assert.Contains("broken.json.gz", Assert.Single(result.Rejections).File);
    }

    [Fact]
    public void ACsvShortRowIsRejectedWithItsLineAndTheOthersKept()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("SigninLogs.csv"), "TimeGenerated,UserPrincipalName,ResultType\n2024-05-01T08:00:00Z,a@contoso.com,0\n2024-05-01T08:00:01Z,b@contoso.com\n\"2024-05-01T08:00:02Z\",\"c@\ncontoso.com\",50126\n2024-05-01T08:00:03Z,d@contoso.com,0\n");
        var result = Load.Files(dir.Path);
        Assert.Equal(3, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(3, rejection.Line);
        Assert.Equal("the row has 2 fields, the header has 3 (short row)", rejection.Reason);
        Assert.Equal("c@\ncontoso.com", result.Tables["SigninLogs"].Cell(1, "UserPrincipalName"));
    }

    [Fact]
    public void AFiftyMegabyteSingleLineBodyStreams()
    {
        using var dir = new TempDirectory();
        var path = dir.File("big.json");
        var count = 0;
        using (var writer = new StreamWriter(path, false, new UTF8Encoding(false)))
        {
            writer.Write("{\"records\":[");
            var written = 0L;
            while (written < 50L << 20)
            {
                var record = SignIn(count, "user-with-a-longer-name-");
                if (count++ > 0) writer.Write(',');
                writer.Write(record);
                written += record.Length + 1;
            }
            writer.Write("]}");
        }
        Assert.True(new FileInfo(path).Length > 50L << 20);
        var result = Load.Files(path);
        Assert.Empty(result.Rejections);
        Assert.Equal(count, result.RowsByTable["SigninLogs"]);
    }

    [Fact]
    public void GzipIsRecognisedByContent()
    {
        using var dir = new TempDirectory();
        using (var file = File.Create(dir.File("body.json.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes($$"""{"records":[{{SignIn(1)}},{{SignIn(2)}}]}"""));
        }
        File.Copy(dir.File("body.json.gz"), dir.File("renamed.dat"));
        var result = Load.Files(dir.File("body.json.gz"), dir.File("renamed.dat"));
        Assert.Empty(result.Rejections);
        Assert.Equal(4, result.RowsByTable["SigninLogs"]);
    }

    [Fact]
    public void ALargeGzipBodyOfManyLinesStreams()
    {
        using var dir = new TempDirectory();
        const int lines = 400, perLine = 50;
        using (var file = File.Create(dir.File("PT1H.json.gz")))
        using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
        using (var writer = new StreamWriter(gzip, new UTF8Encoding(false)))
        {
            for (var l = 0; l < lines; l++)
                writer.WriteLine("{\"records\":[" + string.Join(",", Enumerable.Range(l * perLine, perLine).Select(i => SignIn(i))) + "]}");
        }
        var result = Load.Files(dir.Path);
        Assert.Empty(result.Rejections);
        Assert.Equal(lines * perLine, result.RowsByTable["SigninLogs"]);
        Assert.Equal("u19999@contoso.com", result.Tables["SigninLogs"].Cell(lines * perLine - 1, "UserPrincipalName"));
    }

    [Fact]
    public void MissingPathsAndEmptyGlobsAreReportedNotThrown()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.jsonl"), SignIn(1) + "\n");
        File.WriteAllText(dir.File("b.jsonl"), SignIn(2) + "\n");
        File.WriteAllText(dir.File("notes.md"), "# not data\n");
        var result = Load.Files(Path.Combine(dir.Path, "*.jsonl"), Path.Combine(dir.Path, "*.xml"), dir.File("missing.json"));
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        Assert.Equal(["no file matches this pattern", "no such file or folder"], result.Rejections.Select(r => r.Reason));
        Assert.Equal(2, Load.Files(dir.Path).RowsByTable["SigninLogs"]);
    }
}

/// <summary>The sample generator's sidecar files sit beside its logs; a folder walk reads only the logs.</summary>
public sealed class SidecarFileTests
{
    [Fact]
    public void AFolderWalkSkipsTheGeneratorsLabelsAndManifestButANamedFileIsRead()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("labels.json"), """{"scenarios":[]}""");
        File.WriteAllText(dir.File("manifest.json"), """{"tables":{}}""");
        File.WriteAllText(dir.File("signin.json"),
            """{"records":[{"time":"2024-05-01T08:00:00Z","category":"SignInLogs","properties":{"userPrincipalName":"a@contoso.com"}}]}""");

        var folder = Load.Files(dir.Path);
        var named = Load.Files(dir.File("labels.json"));

        Assert.Equal(1, folder.RowsByTable["SigninLogs"]);
        Assert.Empty(folder.Rejections);
        Assert.Single(named.Rejections);
    }
}
