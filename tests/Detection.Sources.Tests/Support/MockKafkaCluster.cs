using System.Text;
using Confluent.Kafka;
using Detection.Sources.Kafka;

namespace Detection.Sources.Tests.Support;

/// <summary>
/// librdkafka's built-in mock cluster (3 brokers on 127.0.0.1), a real Kafka protocol peer: topics, consumer groups and
/// offset commits work. It lives inside this producer's handle, so it lasts until dispose. librdkafka must be installed:
/// without it the tests fail saying so (test.sh installs Debian's librdkafka1).
/// </summary>
internal sealed class MockKafkaCluster : IDisposable
{
    private readonly IProducer<Null, byte[]> _producer;

    public MockKafkaCluster()
    {
        NativeKafka.EnsureLoaded();
        var config = new ProducerConfig { Acks = Acks.All };
        config.Set("test.mock.num.brokers", "3");
        _producer = new ProducerBuilder<Null, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
        var brokers = admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers;
        BootstrapServers = string.Join(",", brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    public string BootstrapServers { get; }

    /// <summary>The mock cluster creates a topic on first use, with 4 partitions (its default); returns their count.</summary>
    public int EnsureTopic(string topic)
    {
        using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
        for (var attempt = 0; ; attempt++)
        {
            var meta = admin.GetMetadata(topic, TimeSpan.FromSeconds(10)).Topics.Single();
            if (meta.Error.Code == ErrorCode.NoError && meta.Partitions.Count > 0) return meta.Partitions.Count;
            if (attempt == 20) throw new InvalidOperationException($"the mock cluster did not create {topic}: {meta.Error.Reason}");
            Thread.Sleep(100);
        }
    }

    public void Produce(string topic, int partition, string body) =>
        _producer.ProduceAsync(new TopicPartition(topic, partition), new Message<Null, byte[]> { Value = Encoding.UTF8.GetBytes(body) }).GetAwaiter().GetResult();

    public void Dispose() => _producer.Dispose();
}
