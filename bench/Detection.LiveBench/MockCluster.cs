using System.Reflection;
using System.Runtime.InteropServices;
using Confluent.Kafka;
using Detection.Sources.Kafka;

namespace Detection.LiveBench;

/// <summary>
/// librdkafka's mock cluster (3 brokers on 127.0.0.1) in this process's producer; <c>detect run</c> child processes reach
/// it through <see cref="BootstrapServers"/>. The mock keeps about 5 MB of message sets per partition and drops older
/// ones, so bodies are produced lz4-compressed and the topic gets as many partitions as the volume needs.
/// </summary>
internal sealed class MockCluster : IDisposable
{
    private const long BytesPerPartition = 4L << 20;

    private readonly IProducer<Null, byte[]> _producer;

    public MockCluster()
    {
        NativeKafka.EnsureLoaded();
        var config = new ProducerConfig { Acks = Acks.All, LingerMs = 5, CompressionType = CompressionType.Lz4 };
        config.Set("test.mock.num.brokers", "3");
        _producer = new ProducerBuilder<Null, byte[]>(config).SetLogHandler((_, _) => { }).Build();
        using var admin = new DependentAdminClientBuilder(_producer.Handle).Build();
        BootstrapServers = string.Join(",", admin.GetMetadata(TimeSpan.FromSeconds(10)).Brokers.Select(b => $"{b.Host}:{b.Port}"));
    }

    public string BootstrapServers { get; }

    /// <summary>Creates <paramref name="topic"/> with enough partitions for <paramref name="compressedBytes"/> (at least 4); returns their count.</summary>
    public int CreateTopic(string topic, long compressedBytes)
    {
        var partitions = (int)Math.Max(4, compressedBytes / BytesPerPartition + 1);
        // The mock answers no CreateTopics request (it has no controller): its own C API makes the topic. Confluent.Kafka
        // keeps the rd_kafka_t handle internal, hence the reflection.
        var safeHandle = (SafeHandle)typeof(Handle).GetProperty("LibrdkafkaHandle", BindingFlags.Instance | BindingFlags.NonPublic)!.GetValue(_producer.Handle)!;
        var error = rd_kafka_mock_topic_create(rd_kafka_handle_mock_cluster(safeHandle.DangerousGetHandle()), topic, partitions, 1);
        if (error != 0) throw new InvalidOperationException($"the mock cluster did not create {topic}: error {error}");
        return partitions;
    }

    [DllImport("librdkafka.so.1")]
    private static extern IntPtr rd_kafka_handle_mock_cluster(IntPtr rk);

    [DllImport("librdkafka.so.1")]
    private static extern int rd_kafka_mock_topic_create(IntPtr mcluster, [MarshalAs(UnmanagedType.LPUTF8Str)] string topic, int partitions, int replicationFactor);

    /// <summary>Produces one message now to <paramref name="partition"/> (not waiting for the broker).</summary>
    public void Produce(string topic, int partition, byte[] body) =>
        _producer.Produce(new TopicPartition(topic, partition), new Message<Null, byte[]> { Value = body });

    public void Flush() => _producer.Flush(TimeSpan.FromMinutes(2));

    public void Dispose() => _producer.Dispose();
}
