using System.Runtime.CompilerServices;
using Detection.Testing;

namespace Detection.Ingestion.Tests;

/// <summary>
/// A load of files on several threads gives what a sequential load gives: the same rows in the same order, the same
/// rejections, rejected file, notes and counts.
/// </summary>
public sealed class ParallelLoadTests
{
    private static string SignIn(int i) =>
        "{\"time\":\"2024-05-01T08:00:" + (i % 60).ToString("00", System.Globalization.CultureInfo.InvariantCulture)
        + "Z\",\"category\":\"SignInLogs\",\"resultType\":\"0\",\"properties\":{\"userPrincipalName\":\"u" + i + "@contoso.com\"}}";

    /// <summary>Bad and odd files of every format, to sit between the sample day's good ones.</summary>
    private static void WriteOddFiles(TempDirectory dir)
    {
        File.WriteAllText(dir.File("a-lines.jsonl"), string.Join("\n",
            SignIn(1),
            """{"time":"2024-05-01T08:00:00Z","category":"SignInLogs","properties":{"userPrincipalName": nope}}""",
            """{"time":"2024-05-01T08:00:00Z","category":"ProvisioningLogs","properties":{}}""",
            """{"time":"yesterday","category":"SignInLogs","properties":{}}""",
            SignIn(2)));
        File.WriteAllText(dir.File("signinLogs-m.csv"),
            "TimeGenerated,UserPrincipalName,ResultType,Shoe\n2024-05-01T08:00:00Z,a@contoso.com,0,x\n2024-05-01T08:00:01Z,b@contoso.com\n2024-05-01T08:00:03Z,d@contoso.com,0,y\n");
        File.WriteAllBytes(dir.File("n-binary.json"), [0, 1, 2, 3, 0xFF, 0xFE]);
        File.WriteAllText(dir.File("o-empty.json"), "");
        File.WriteAllBytes(dir.File("p-broken.json.gz"), [0x1F, 0x8B, 8, 0, 0, 0, 0, 0, 0, 3, 0xFF, 0xFF, 0xFF, 0xFF]);
        File.WriteAllText(dir.File("q-body.json"), "{\"records\":[" + SignIn(3) + ",{\"time\":\"2024-05-01T08:00:00Z\",\"category\":\"Alien\",\"properties\":{}}," + SignIn(4) + "]}");
        File.WriteAllText(dir.File("auditLogs-z.jsonl"),
            "{\"TimeGenerated\":\"2024-05-01T08:00:00Z\",\"Type\":\"HuntingResult\",\"UserPrincipalName\":\"h@contoso.com\"}\n{\"Type\":\"SigninLogs\",\"TimeGenerated\":\"later\"}\n");
    }

    /// <summary>The sample day, the fixtures and the odd files, in an order that puts bad input in every group.</summary>
    private static string[] MixedPaths(TempDirectory dir) =>
    [
        dir.File("a-lines.jsonl"), dir.File("signinLogs-m.csv"), Path.Combine(dir.Path, "nothing", "*.json"),
        Path.Combine(RepositoryRoot(), "samples", "eventhub"), dir.File("n-binary.json"), dir.File("auditLogs-z.jsonl"),
        Load.Fixture(""), dir.File("no-such-file.json"), dir.File("o-empty.json"),
        Path.Combine(RepositoryRoot(), "samples", "flowlogs"), dir.File("p-broken.json.gz"), dir.File("q-body.json"),
        Path.Combine(RepositoryRoot(), "samples"), dir.File("signinLogs-m.csv"), dir.File("a-lines.jsonl"),
    ];

    [Theory]
    [InlineData(10_000)]
    [InlineData(3)]
    public void MixedFilesLoadTheSameOnOneTwoOrFourThreads(int maxRejectionsKept)
    {
        using var dir = new TempDirectory();
        WriteOddFiles(dir);
        var paths = MixedPaths(dir);
        var options = new LoadOptions { MaxRejectionsKept = maxRejectionsKept, MaxFieldBytes = 4096 };
        var sequential = DataLoader.Load(paths, options with { Parallelism = 1, RejectedFile = dir.File("out/rejected-1.jsonl") });
        Assert.True(sequential.Tables.Count >= 4 && sequential.RejectedCount >= 10 && sequential.Notes.Count >= 5, $"the inputs should exercise tables, rejections and notes: {sequential.Tables.Count} tables, {sequential.RejectedCount} rejected, {sequential.Notes.Count} notes\n{string.Join("\n", sequential.Notes)}\n{sequential.Describe()}");
        foreach (var parallelism in new[] { 2, 4 })
        {
            var rejected = dir.File($"out/rejected-{parallelism}.jsonl");
            var parallel = DataLoader.Load(paths, options with { Parallelism = parallelism, RejectedFile = rejected });
            AssertSame(sequential, parallel);
            Assert.Equal(File.ReadAllBytes(dir.File("out/rejected-1.jsonl")), File.ReadAllBytes(rejected));
            // The load really was split: tables were joined from several groups' chunks.
            Assert.True(Chunks(parallel) > Chunks(sequential), $"{Chunks(parallel)} chunks on {parallelism} threads, {Chunks(sequential)} on one");
        }
        Assert.Equal(3, Directory.GetFiles(dir.File("out")).Length); // no parts left behind
    }

    [Fact]
    public void MoreThreadsThanFilesLoadTheSame()
    {
        using var dir = new TempDirectory();
        WriteOddFiles(dir);
        string[] paths = [dir.File("a-lines.jsonl"), dir.File("n-binary.json"), dir.File("q-body.json")];
        AssertSameOnBoth(dir, paths, parallelism: 8);
    }

    [Fact]
    public void OneFileLoadsTheSame()
    {
        using var dir = new TempDirectory();
        WriteOddFiles(dir);
        AssertSameOnBoth(dir, [dir.File("a-lines.jsonl")], parallelism: 4);
    }

    [Fact]
    public void NoFilesLoadTheSame()
    {
        using var dir = new TempDirectory();
        AssertSameOnBoth(dir, [], parallelism: 4);
        var result = AssertSameOnBoth(dir, [dir.File("missing.json"), Path.Combine(dir.Path, "*.csv")], parallelism: 4);
        Assert.Equal(["no such file or folder", "no file matches this pattern"], result.Rejections.Select(r => r.Reason));
        Assert.Equal(0, result.FilesRead);
    }

    [Fact]
    public void NoRejectedFileIsWrittenWhenNothingIsRejected()
    {
        using var dir = new TempDirectory();
        var result = DataLoader.Load([Load.Fixture("rows.jsonl"), Load.Fixture("rows-array.json")],
            new LoadOptions { Parallelism = 2, RejectedFile = dir.File("rejected.jsonl") });
        Assert.True(result.RejectedCount == 0, result.Describe());
        Assert.Empty(Directory.GetFiles(dir.Path));
    }

    [Fact]
    public void AParallelismBelowOneNamesTheSetting()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => DataLoader.Load([Load.Fixture("rows.jsonl")], new LoadOptions { Parallelism = 0 }));
        Assert.Contains("Parallelism", ex.ParamName);
    }

    private static LoadResult AssertSameOnBoth(TempDirectory dir, string[] paths, int parallelism)
    {
        var one = dir.File("rejected-one.jsonl");
        var many = dir.File("rejected-many.jsonl");
        File.Delete(one);
        File.Delete(many);
        var sequential = DataLoader.Load(paths, new LoadOptions { Parallelism = 1, RejectedFile = one });
        var parallel = DataLoader.Load(paths, new LoadOptions { Parallelism = parallelism, RejectedFile = many });
        AssertSame(sequential, parallel);
        Assert.Equal(File.Exists(one), File.Exists(many));
        if (File.Exists(one)) Assert.Equal(File.ReadAllBytes(one), File.ReadAllBytes(many));
        return parallel;
    }

    private static void AssertSame(LoadResult expected, LoadResult actual)
    {
        Assert.Equal(Load.RejectionLines(expected.Rejections), Load.RejectionLines(actual.Rejections));
        Assert.Equal(expected.RejectedCount, actual.RejectedCount);
        Assert.Equal(expected.SkippedByCategory, actual.SkippedByCategory);
        Assert.Equal(expected.SkippedUnknownCategory, actual.SkippedUnknownCategory);
        Assert.Equal(expected.RejectedByTable, actual.RejectedByTable);
        Assert.Equal(expected.Notes, actual.Notes);
        Assert.Equal(expected.FilesRead, actual.FilesRead);
        Assert.Equal(expected.RowsByTable, actual.RowsByTable);
        Assert.Equal(expected.Tables.Keys, actual.Tables.Keys);
        foreach (var (name, table) in expected.Tables)
        {
            var other = actual.Tables[name];
            Assert.Same(table.Schema, other.Schema);
            for (var column = 0; column < table.Schema.Columns.Length; column++)
            {
                for (long row = 0; row < table.RowCount; row++)
                {
                    var (want, got) = (Load.CellText(table.GetValue(row, column)), Load.CellText(other.GetValue(row, column)));
                    Assert.True(want == got, $"{name}.{table.Schema.Columns[column].Name} row {row}: '{want}' read as '{got}'");
                }
            }
        }
    }

    private static int Chunks(LoadResult result) => result.Tables.Values.Sum(t => t.Chunks.Length);

    private static string RepositoryRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, "..", ".."));
}
