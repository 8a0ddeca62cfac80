using Detection.Ingestion;

namespace Detection.Sources;

/// <summary>
/// What a source delivers at once: messages, the checkpoint that covers them and every batch before, and the partition
/// changes since the previous batch (a batch may carry changes and no messages).
/// </summary>
public sealed class SourceBatch
{
    public SourceBatch(
        IReadOnlyList<SourceMessage> messages,
        SourceCheckpoint checkpoint,
        IReadOnlyList<SourcePartition>? assigned = null,
        IReadOnlyList<SourcePartition>? revoked = null)
    {
        Messages = messages;
        Checkpoint = checkpoint;
        Assigned = assigned ?? [];
        Revoked = revoked ?? [];
    }

    public IReadOnlyList<SourceMessage> Messages { get; }

    /// <summary>Hand this to <see cref="ISource.CommitAsync"/> once the effects of this batch and all before it are durable.</summary>
    public SourceCheckpoint Checkpoint { get; }

    /// <summary>Partitions this instance was given since the previous batch (consumer-group rebalance).</summary>
    public IReadOnlyList<SourcePartition> Assigned { get; }

    /// <summary>
    /// Partitions taken away since the previous batch. Messages of these partitions yielded before and not committed will
    /// be delivered again, to whichever instance owns the partition now: drop or flush the state kept for them.
    /// </summary>
    public IReadOnlyList<SourcePartition> Revoked { get; }

    /// <summary>Reads every message body into tables; bad records are set aside with their message's origin as location.</summary>
    public LoadResult Decode(LoadOptions options) => DataLoader.Load(Messages.Select(m => m.ToLoadInput()), options);
}

/// <summary>A partition of a topic (Kafka, Event Hubs), or a file of a followed folder (partition 0).</summary>
public readonly record struct SourcePartition(string Topic, int Partition)
{
    public override string ToString() => $"{Topic}/{Partition}";
}

/// <summary>Per partition, the position of the next message to read (a Kafka offset, a byte offset in a file). Immutable.</summary>
public sealed class SourceCheckpoint
{
    public static readonly SourceCheckpoint None = new(new Dictionary<SourcePartition, long>());

    public SourceCheckpoint(IReadOnlyDictionary<SourcePartition, long> positions) => Positions = positions;

    public IReadOnlyDictionary<SourcePartition, long> Positions { get; }

    public override string ToString() =>
        string.Join(", ", Positions.OrderBy(p => p.Key.Topic, StringComparer.Ordinal).ThenBy(p => p.Key.Partition).Select(p => $"{p.Key}@{p.Value}"));
}
