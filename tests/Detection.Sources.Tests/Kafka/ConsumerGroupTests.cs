using Detection.Sources.Kafka;
using Detection.Sources.Tests.Support;

namespace Detection.Sources.Tests.Kafka;

/// <summary>Two engine instances in one consumer group split the partitions; when one stops, the other takes them over
/// and receives again what the stopped one had not committed.</summary>
public sealed class ConsumerGroupTests
{
    private static int[] Partitions(IEnumerable<SourceMessage> messages) =>
        messages.Select(m => ((KafkaOrigin)m.Origin).Partition).Distinct().Order().ToArray();

    [Fact]
    public async Task TwoConsumersSplitFourPartitionsAndTheSurvivorTakesOverTheUncommittedMessages()
    {
        using var cluster = new MockKafkaCluster();
        Assert.Equal(4, cluster.EnsureTopic("hub"));
        for (var p = 0; p < 4; p++)
            for (var i = 0; i < 2; i++) cluster.Produce("hub", p, Bodies.Body($"p{p}-{i}@contoso.com"));

        var a = new BackgroundReader(KafkaSourceTests.Open(cluster, "hub", "engines"));
        await using var b = new BackgroundReader(KafkaSourceTests.Open(cluster, "hub", "engines"));
        var ka = (KafkaSource)a.Source;
        var kb = (KafkaSource)b.Source;
        var split = await a.WaitUntil(_ => ka.OwnedPartitions.Count == 2 && kb.OwnedPartitions.Count == 2
            && a.Messages.Count + b.Messages.Count >= 8 && Partitions(a.Messages).Length == 2 && Partitions(b.Messages).Length == 2,
            TimeSpan.FromSeconds(60));
        Assert.True(split, $"no even split: a owns [{string.Join(",", ka.OwnedPartitions)}] with {a.Messages.Count} messages, b owns [{string.Join(",", kb.OwnedPartitions)}] with {b.Messages.Count}");
        var aPartitions = Partitions(a.Messages);
        var bPartitions = Partitions(b.Messages);
        Assert.Empty(aPartitions.Intersect(bPartitions));
        Assert.Equal([0, 1, 2, 3], aPartitions.Concat(bPartitions).Order());
        // Each got the 4 messages of its partitions (more than once if the group settled in two rounds: at least once).
        Assert.Equal(4, a.Messages.Select(m => m.Body.ToArray()).Select(System.Text.Encoding.UTF8.GetString).Distinct().Count());
        Assert.Equal(4, b.Messages.Select(m => m.Body.ToArray()).Select(System.Text.Encoding.UTF8.GetString).Distinct().Count());

        // b's effects are durable, a's are not: only b commits. Then a stops.
        await kb.CommitAsync(b.Batches[^1].Checkpoint);
        var bBefore = b.Messages.Count;
        await a.DisposeAsync();
        for (var p = 0; p < 4; p++) cluster.Produce("hub", p, Bodies.Body($"p{p}-new@contoso.com"));

        string Text(SourceMessage m) => System.Text.Encoding.UTF8.GetString(m.Body.Span);
        var expected = aPartitions.SelectMany(p => new[] { $"p{p}-0@", $"p{p}-1@" }).Concat(Enumerable.Range(0, 4).Select(p => $"p{p}-new@")).ToList();
        var tookOver = await b.WaitUntil(r => kb.OwnedPartitions.Count == 4
            && expected.All(e => r.Messages.Skip(bBefore).Any(m => Text(m).Contains(e, StringComparison.Ordinal))), TimeSpan.FromSeconds(60));
        var after = b.Messages.Skip(bBefore).Select(Text).ToList();
        Assert.True(tookOver, $"b owns [{string.Join(",", kb.OwnedPartitions)}] and got {after.Count} messages after a stopped");
        // a's uncommitted messages come again, to b (at least once: every rebalance re-reads from the last commit), the
        // new ones arrive, and b's own committed messages never come back.
        foreach (var p in bPartitions)
            Assert.DoesNotContain(after, u => u.Contains($"p{p}-0@", StringComparison.Ordinal) || u.Contains($"p{p}-1@", StringComparison.Ordinal));
        Assert.True(after.Count >= 8, $"{after.Count} messages");
        // The takeover was reported, so the runtime can flush what it kept for revoked partitions.
        Assert.Contains(b.Batches, batch => batch.Assigned.Count > 0 && batch.Assigned.Any(p => aPartitions.Contains(p.Partition)));
    }
}
