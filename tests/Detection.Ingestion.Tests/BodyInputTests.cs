using System.IO.Compression;
using System.Text;

namespace Detection.Ingestion.Tests;

/// <summary>Bodies that are not files (a Kafka message, a chunk of standard input) load like files and name their origin.</summary>
public sealed class BodyInputTests
{
    private static string SignIn(int i) =>
        "{\"time\":\"2024-05-01T08:00:0" + i + "Z\",\"category\":\"SignInLogs\",\"resultType\":\"0\",\"properties\":{\"userPrincipalName\":\"u"
        + i + "@contoso.com\",\"ipAddress\":\"198.51.100." + i + "\"}}";

    [Fact]
    public void TwoBodiesLoadIntoOneTableAndARejectionNamesItsOrigin()
    {
        var good = Encoding.UTF8.GetBytes($$"""{"records":[{{SignIn(1)}},{{SignIn(2)}}]}""");
        var bad = Encoding.UTF8.GetBytes($$"""{"records":[{{SignIn(3)}},{"time": oops},{{SignIn(4)}}]}""");
        var result = DataLoader.Load(
            [LoadInput.FromBytes("signins/0@41", good), LoadInput.FromBytes("signins/2@7", bad)], new LoadOptions());
        Assert.Equal(4, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal("signins/2@7", rejection.File);
        Assert.Equal(2, rejection.Record);
        Assert.Equal(2, result.FilesRead);
    }

    [Fact]
    public void LinesAreCountedFromTheFirstLineOfTheBody()
    {
        var body = Encoding.UTF8.GetBytes(SignIn(1) + "\n{\"time\": oops\n" + SignIn(3) + "\n");
        var result = DataLoader.Load([LoadInput.FromBytes("app.jsonl", body, firstLine: 120)], new LoadOptions());
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        Assert.Equal(121, Assert.Single(result.Rejections).Line);
    }

    [Fact]
    public void AGzipBodyOnANonSeekableStreamIsUnwrapped()
    {
        var raw = new MemoryStream();
        using (var gz = new GZipStream(raw, CompressionLevel.Fastest, leaveOpen: true))
            gz.Write(Encoding.UTF8.GetBytes($$"""{"records":[{{SignIn(1)}}]}"""));
        var input = new LoadInput("stdin", () => new ForwardOnlyStream(raw.ToArray()));
        var result = DataLoader.Load([input], new LoadOptions());
        Assert.Equal(1, result.RowsByTable["SigninLogs"]);
        Assert.Empty(result.Rejections);
    }

    [Fact]
    public void ABodyThatIsNotJsonIsOneRejectionAndTheNextBodyIsRead()
    {
        var result = DataLoader.Load(
            [LoadInput.FromBytes("t/1@5", "hello world"u8.ToArray()), LoadInput.FromBytes("t/1@6", Encoding.UTF8.GetBytes(SignIn(1)))],
            new LoadOptions());
        Assert.Equal(1, result.RowsByTable["SigninLogs"]);
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal("t/1@5", rejection.File);
        Assert.Contains("neither JSON nor CSV", rejection.Reason);
    }

    [Fact]
    public void AStreamThatFailsToOpenIsARejectionNotAnException()
    {
        var result = DataLoader.Load([new LoadInput("gone", () => throw new IOException("the pipe closed"))], new LoadOptions());
        Assert.Contains("the pipe closed", Assert.Single(result.Rejections).Reason);
    }

    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
        public override long Position { get => base.Position; set => throw new NotSupportedException(); }
        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
