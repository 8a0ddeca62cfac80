using Confluent.Kafka;
using Detection.Sources.Kafka;

namespace Detection.Service.Tests.Support;

/// <summary>
/// librdkafka's built-in mock cluster (3 brokers on 127.0.0.1, topics made on first use with 4 partitions), living in
/// this producer's handle until dispose; child processes reach it through <see cref="BootstrapServers"/>.
/// </summary>
internal sealed class MockKafkaCluster : IDisposable
{
    public const int Partitions = 4;

    private readonly IProducer<Null, byte[]> _producer;

    public MockKafkaCluster()
    {
        NativeKafka.EnsureLoaded();
        var config = new ProducerConfig { Acks = Acks.All, LingerMs = 5 };
        config.Set("test.mock.num.brokers", "3");
        _producer = new ProducerBuilder<Null, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
        BootstrapServers = string.Join(",", admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    public string BootstrapServers { get; }

    /// <summary>Produces the bodies in order, body i to partition i mod 4 (so each partition stays in time order), and waits for all.</summary>
    public void ProduceRoundRobin(string topic, IReadOnlyList<byte[]> bodies) =>
        Produce(topic, bodies.Select((body, i) => (i % Partitions, body)));

    /// <summary>Produces each body to the given partition, in order, and waits for all.</summary>
    public void Produce(string topic, IEnumerable<(int Partition, byte[] Body)> messages)
    {
        foreach (var (partition, body) in messages)
            _producer.Produce(new TopicPartition(topic, partition), new Message<Null, byte[]> { Value = body });
        _producer.Flush(TimeSpan.FromSeconds(60));
    }

    /// <summary>A keyed producer's partition of <paramref name="key"/>: a stable hash of the key, modulo the partitions.</summary>
    public static int PartitionOf(string key)
    {
        var hash = System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key));
        return (int)(BitConverter.ToUInt32(hash, 0) % Partitions);
    }

    public void Dispose() => _producer.Dispose();
}
