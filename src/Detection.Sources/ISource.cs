namespace Detection.Sources;

/// <summary>
/// A stream of message bodies (Kafka / Event Hubs, Log Analytics, files, standard input) and the place its consumer says
/// what is done. The contract:
/// <list type="bullet">
/// <item><see cref="ReadAsync"/> is called once; batches come in order; a finite source (files without follow, standard
/// input, a Log Analytics range) ends the sequence when it is exhausted, a live one runs until cancelled.</item>
/// <item>A source never commits on its own. <see cref="CommitAsync"/> with a batch's <see cref="SourceBatch.Checkpoint"/>
/// says: every message of that batch and of every batch before it has durable effects. Only then may the source record
/// the position (Kafka commits offsets to the consumer group). What is not committed is delivered again after a restart
/// or a rebalance (at least once).</item>
/// <item>Bad bodies are not the source's concern: they are yielded like any other and set aside, with their origin, by
/// <see cref="SourceBatch.Decode"/>. A source throws <see cref="SourceException"/> only when it cannot go on.</item>
/// </list>
/// <see cref="CommitAsync"/> may be called from another thread than the one enumerating; everything else is single-threaded.
/// </summary>
public interface ISource : IAsyncDisposable
{
    /// <summary>The batches of the source, in order. Cancel the token to stop a live source.</summary>
    IAsyncEnumerable<SourceBatch> ReadAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Records that everything up to <paramref name="checkpoint"/> is durable. Positions of partitions this instance no
    /// longer owns are ignored; a position lower than one already committed is ignored. Completes when the position is
    /// recorded (for Kafka: acknowledged by the group coordinator); throws <see cref="SourceException"/> when it cannot be,
    /// in which case the messages will be delivered again.
    /// </summary>
    ValueTask CommitAsync(SourceCheckpoint checkpoint, CancellationToken cancellationToken = default);
}
