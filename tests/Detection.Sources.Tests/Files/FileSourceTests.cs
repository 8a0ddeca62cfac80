using System.IO.Compression;
using System.Text;
using Detection.Ingestion;
using Detection.Sources.Files;
using Detection.Sources.Tests.Support;
using Detection.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detection.Sources.Tests.Files;

/// <summary>Following a folder: new files and appended complete lines are read once each; a partial line waits.</summary>
public sealed class FileSourceTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2024, 5, 1, 8, 0, 0, TimeSpan.Zero));

    private FileSource Follow(string path, FileSourceOptions? options = null) =>
        new(path, follow: true, (options ?? new FileSourceOptions()) with { TimeProvider = _clock }, NullLogger.Instance);

    private static List<string> Users(SourceBatch batch) => Bodies.Users(batch.Decode(new LoadOptions()));

    [Fact]
    public void NewFilesAndAppendedLinesAreReadOnceEach()
    {
        using var dir = new TempDirectory();
        var source = Follow(dir.Path);
        File.WriteAllText(dir.File("a.jsonl"), Bodies.SignIn("a1@c.com") + "\n" + Bodies.SignIn("a2@c.com") + "\n");
        File.WriteAllText(dir.File("README.md"), "not data");
        var first = source.Poll(final: false).Batch;
        Assert.Equal(["a1@c.com", "a2@c.com"], Users(first));

        Assert.Empty(source.Poll(final: false).Batch.Messages);

        File.AppendAllText(dir.File("a.jsonl"), Bodies.SignIn("a3@c.com") + "\n");
        File.WriteAllText(dir.File("b.json"), Bodies.Body("b1@c.com") + "\n");
        var second = source.Poll(final: false).Batch;
        Assert.Equal(["a3@c.com", "b1@c.com"], Users(second).Order());
        var appended = second.Messages.Single(m => ((FileOrigin)m.Origin).Path.EndsWith("a.jsonl", StringComparison.Ordinal));
        Assert.Equal(3, ((FileOrigin)appended.Origin).Line);
        Assert.Equal(new FileInfo(dir.File("a.jsonl")).Length, second.Checkpoint.Positions[new SourcePartition(dir.File("a.jsonl"), 0)]);
    }

    [Fact]
    public void APartialLastLineWaitsForItsLineFeedOrForTheFileToSettle()
    {
        using var dir = new TempDirectory();
        var source = Follow(dir.Path, new FileSourceOptions { QuietPeriod = TimeSpan.FromSeconds(5) });
        var line = Bodies.SignIn("late@c.com");
        File.WriteAllText(dir.File("a.jsonl"), Bodies.SignIn("first@c.com") + "\n" + line[..40]);
        Assert.Equal(["first@c.com"], Users(source.Poll(final: false).Batch));
        _clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Empty(source.Poll(final: false).Batch.Messages);

        File.AppendAllText(dir.File("a.jsonl"), line[40..] + "\n" + Bodies.SignIn("tail@c.com"));
        Assert.Equal(["late@c.com"], Users(source.Poll(final: false).Batch));

        // A last line never ended by a line feed is taken once the file has not changed for the quiet period.
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(["tail@c.com"], Users(source.Poll(final: false).Batch));
    }

    [Fact]
    public void ACsvChunkCarriesItsHeaderAndItsLinesKeepTheirNumbers()
    {
        using var dir = new TempDirectory();
        var source = Follow(dir.Path);
        File.WriteAllText(dir.File("SigninLogs.csv"), "TimeGenerated,UserPrincipalName\n2024-05-01T08:00:00Z,c1@c.com\n");
        Assert.Equal(["c1@c.com"], Users(source.Poll(final: false).Batch));
        File.AppendAllText(dir.File("SigninLogs.csv"), "2024-05-01T08:01:00Z,c2@c.com\nyesterday,c3@c.com\n");
        var batch = source.Poll(final: false).Batch;
        var result = DataLoader.Load(batch.Messages.Select(m => m.ToLoadInput()), new LoadOptions { Table = "SigninLogs" });
        Assert.Equal(["c2@c.com"], Bodies.Users(result));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(4, rejection.Line);
        Assert.Equal(dir.File("SigninLogs.csv"), rejection.File);
    }

    [Fact]
    public void AGzipFileIsReadWholeOnceItHasSettled()
    {
        using var dir = new TempDirectory();
        var source = Follow(dir.Path, new FileSourceOptions { QuietPeriod = TimeSpan.FromSeconds(5) });
        using (var gz = new GZipStream(File.Create(dir.File("PT1H.json.gz")), CompressionLevel.Fastest))
            gz.Write(Encoding.UTF8.GetBytes(Bodies.Body("z1@c.com", "z2@c.com")));
        Assert.Empty(source.Poll(final: false).Batch.Messages);
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Equal(["z1@c.com", "z2@c.com"], Users(source.Poll(final: false).Batch));
        _clock.Advance(TimeSpan.FromSeconds(6));
        Assert.Empty(source.Poll(final: false).Batch.Messages);
    }

    [Fact]
    public void AFileThatShrinksIsReadAgainFromItsStart()
    {
        using var dir = new TempDirectory();
        var source = Follow(dir.Path);
        File.WriteAllText(dir.File("a.jsonl"), Bodies.SignIn("old1@c.com") + "\n" + Bodies.SignIn("old2@c.com") + "\n");
        Assert.Equal(2, Users(source.Poll(final: false).Batch).Count);
        File.WriteAllText(dir.File("a.jsonl"), Bodies.SignIn("new@c.com") + "\n");
        Assert.Equal(["new@c.com"], Users(source.Poll(final: false).Batch));
    }

    [Fact]
    public void LinesAreCutIntoMessagesOfBoundedSize()
    {
        using var dir = new TempDirectory();
        var source = Follow(dir.Path, new FileSourceOptions { MaxMessageBytes = 600 });
        File.WriteAllLines(dir.File("a.jsonl"), Enumerable.Range(0, 20).Select(i => Bodies.SignIn($"u{i}@c.com")));
        var batch = source.Poll(final: false).Batch;
        Assert.True(batch.Messages.Count >= 5, $"{batch.Messages.Count} messages");
        Assert.All(batch.Messages, m => Assert.True(m.Body.Length <= 600 && m.Body.Span[^1] == (byte)'\n'));
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"u{i}@c.com"), Users(batch));
    }

    [Fact]
    public async Task FollowingRunsUntilCancelledAndSeesFilesWrittenMeanwhile()
    {
        using var dir = new TempDirectory();
        await using var source = new FileSource(dir.Path, follow: true, new FileSourceOptions { PollInterval = TimeSpan.FromMilliseconds(20) }, NullLogger.Instance);
        await using var reader = new BackgroundReader(source);
        File.WriteAllText(dir.File("a.jsonl"), Bodies.SignIn("x@c.com") + "\n");
        Assert.True(await reader.WaitUntil(r => r.Messages.Count == 1, TimeSpan.FromSeconds(10)));
        File.AppendAllText(dir.File("a.jsonl"), Bodies.SignIn("y@c.com") + "\n");
        Assert.True(await reader.WaitUntil(r => r.Messages.Count == 2, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task WithoutFollowAFolderIsReadOnceAndTheSourceEnds()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(dir.File("a.jsonl"), Bodies.SignIn("a@c.com") + "\n" + Bodies.SignIn("b@c.com")); // no final line feed
        await using var source = SourceFactory.Open(SourceUri.Parse(dir.Path), new SourceSettings());
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(CancellationToken.None)) batches.Add(batch);
        Assert.Equal(["a@c.com", "b@c.com"], batches.SelectMany(Users));
    }
}
