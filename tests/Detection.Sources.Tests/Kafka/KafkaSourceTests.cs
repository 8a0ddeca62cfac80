using Detection.Ingestion;
using Detection.Sources.Kafka;
using Detection.Sources.Tests.Support;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detection.Sources.Tests.Kafka;

/// <summary>The Kafka source against librdkafka's mock cluster: it reads bodies, commits only what it is told, and a
/// restarted consumer resumes at the committed offset.</summary>
public sealed class KafkaSourceTests
{
    /// <summary>The mock cluster waits the group's session timeout less 1 s for members to rejoin on every rebalance (and
    /// keeps a vanished member until its session times out), so the tests use the shortest session a broker accepts by default.</summary>
    internal static readonly KafkaSourceOptions Fast = new()
    {
        PollTimeout = TimeSpan.FromMilliseconds(100),
        Overrides = new Dictionary<string, string> { ["session.timeout.ms"] = "6000", ["heartbeat.interval.ms"] = "500" },
    };

    internal static KafkaSource Open(MockKafkaCluster cluster, string topic, string group, KafkaSourceOptions? options = null) =>
        (KafkaSource)SourceFactory.Open(new KafkaSourceUri(cluster.BootstrapServers, topic, group),
            new SourceSettings { Kafka = options ?? Fast });

    /// <summary>Reads batches until <paramref name="enough"/> says stop or the time is up.</summary>
    internal static async Task<List<SourceBatch>> ReadUntil(ISource source, Func<List<SourceBatch>, bool> enough, TimeSpan limit)
    {
        var batches = new List<SourceBatch>();
        using var cts = new CancellationTokenSource(limit);
        try
        {
            await foreach (var batch in source.ReadAsync(cts.Token))
            {
                batches.Add(batch);
                if (enough(batches)) break;
            }
        }
        catch (OperationCanceledException) { }
        return batches;
    }

    internal static int Count(List<SourceBatch> batches) => batches.Sum(b => b.Messages.Count);

    [Fact]
    public async Task ItReadsEveryBodyAndDecodesItsRecords()
    {
        using var cluster = new MockKafkaCluster();
        Assert.Equal(4, cluster.EnsureTopic("signins"));
        for (var i = 0; i < 10; i++) cluster.Produce("signins", i % 2, Bodies.Body($"a{i}@contoso.com", $"b{i}@contoso.com"));
        await using var source = Open(cluster, "signins", "g1");
        var batches = await ReadUntil(source, b => Count(b) >= 10, TimeSpan.FromSeconds(30));
        Assert.Equal(10, Count(batches));
        var users = batches.SelectMany(b => Bodies.Users(b.Decode(new LoadOptions()))).Order().ToList();
        Assert.Equal(20, users.Count);
        Assert.Contains("a7@contoso.com", users);
        var origins = batches.SelectMany(b => b.Messages).Select(m => (KafkaOrigin)m.Origin).ToList();
        Assert.Equal(5, origins.Count(o => o.Partition == 1));
        Assert.All(origins, o => Assert.Equal("signins", o.Topic));
        Assert.Equal([0, 1, 2, 3, 4], origins.Where(o => o.Partition == 0).Select(o => o.Offset).Order().ToArray());
    }

    [Fact]
    public async Task ARestartedConsumerResumesAtTheCommittedOffsetWithoutLoss()
    {
        using var cluster = new MockKafkaCluster();
        Assert.Equal(4, cluster.EnsureTopic("t"));
        for (var i = 0; i < 6; i++) cluster.Produce("t", 0, Bodies.Body($"u{i}@contoso.com"));

        long committed;
        await using (var first = Open(cluster, "t", "g", Fast with { MaxBatchMessages = 4 }))
        {
            var batches = await ReadUntil(first, b => Count(b) > 0, TimeSpan.FromSeconds(30));
            var batch = batches.Last();
            // The runtime made this first batch durable (at most 4 messages): commit it, and nothing of what follows.
            await first.CommitAsync(batch.Checkpoint);
            committed = batch.Checkpoint.Positions[new SourcePartition("t", 0)];
            Assert.Equal(Count(batches), committed);
            Assert.InRange(committed, 1, 4);
        }
        for (var i = 6; i < 8; i++) cluster.Produce("t", 0, Bodies.Body($"u{i}@contoso.com"));

        await using var second = Open(cluster, "t", "g");
        var rest = await ReadUntil(second, b => Count(b) >= 8 - committed, TimeSpan.FromSeconds(30));
        var offsets = rest.SelectMany(b => b.Messages).Select(m => ((KafkaOrigin)m.Origin).Offset).ToArray();
        Assert.Equal(Enumerable.Range((int)committed, 8 - (int)committed).Select(i => (long)i).ToArray(), offsets);
    }

    [Fact]
    public async Task WithoutACommitARestartedConsumerReadsEverythingAgain()
    {
        using var cluster = new MockKafkaCluster();
        Assert.Equal(4, cluster.EnsureTopic("t"));
        for (var i = 0; i < 3; i++) cluster.Produce("t", 0, Bodies.Body($"u{i}@contoso.com"));
        await using (var first = Open(cluster, "t", "g"))
            Assert.Equal(3, Count(await ReadUntil(first, b => Count(b) >= 3, TimeSpan.FromSeconds(30))));
        await using var second = Open(cluster, "t", "g");
        Assert.Equal(3, Count(await ReadUntil(second, b => Count(b) >= 3, TimeSpan.FromSeconds(30))));
    }

    [Fact]
    public async Task AMalformedMessageIsSetAsideWithItsTopicPartitionAndOffsetAndTheOthersAreKept()
    {
        using var cluster = new MockKafkaCluster();
        Assert.Equal(4, cluster.EnsureTopic("t"));
        cluster.Produce("t", 0, Bodies.Body("before@contoso.com"));
        cluster.Produce("t", 0, "this is not json");
        cluster.Produce("t", 0, """{"records":[{"time":"2024-05-01T08:00:00Z","category":"SignInLogs","properties":{"userPrincipalName": oops}}]}""");
        cluster.Produce("t", 0, Bodies.Body("big@contoso.com").Replace("198.51.100.7", new string('x', 2000)));
        cluster.Produce("t", 0, Bodies.Body("after@contoso.com"));
        await using var source = Open(cluster, "t", "g");
        var batches = await ReadUntil(source, b => Count(b) >= 5, TimeSpan.FromSeconds(30));
        var result = DataLoader.Load(batches.SelectMany(b => b.Messages).Select(m => m.ToLoadInput()), new LoadOptions { MaxFieldBytes = 1000 });
        Assert.Equal(["after@contoso.com", "before@contoso.com"], Bodies.Users(result).Order());
        Assert.Equal(["t/0@1", "t/0@2", "t/0@3"], result.Rejections.Select(r => r.File));
        Assert.Contains("neither JSON nor CSV", result.Rejections[0].Reason);
        Assert.Contains("malformed", result.Rejections[1].Reason);
        Assert.Contains("over the field limit", result.Rejections[2].Reason);
    }
}
