namespace Detection.Service.Tests.Support;

/// <summary>
/// A stream produced to a topic as time goes by, the way a hub receives it: messages are produced in event-time order up
/// to a head the test moves on. Not thread-safe.
/// </summary>
internal sealed class PacedStream(MockKafkaCluster cluster, string topic, IReadOnlyList<(DateTime Time, int Partition, byte[] Body)> messages)
{
    private int _next;

    /// <summary>The event time of the last message produced (the stream's start before any).</summary>
    public DateTime Head { get; private set; } = messages[0].Time;

    public DateTime End => messages[^1].Time;

    /// <summary>Produces every message with an event time up to <paramref name="head"/> not produced yet.</summary>
    public void ProduceUntil(DateTime head)
    {
        var start = _next;
        while (_next < messages.Count && messages[_next].Time <= head) _next++;
        if (_next == start) return;
        cluster.Produce(topic, messages.Skip(start).Take(_next - start).Select(m => (m.Partition, m.Body)));
        Head = messages[_next - 1].Time;
    }

    public void ProduceRest() => ProduceUntil(DateTime.MaxValue);
}
