using Detection.Sources;

namespace Detection.Service.Live;

/// <summary>
/// Which source checkpoint may be committed (ADR 0005): per batch, in order, its checkpoint and the highest arrival
/// sequence the engine gave its chunks. A batch is acknowledged once every chunk of it is older than the oldest input a
/// window still needs, so a restart that re-reads from the committed positions rebuilds every window. Not thread-safe.
/// </summary>
internal sealed class Acknowledger
{
    private readonly Queue<(SourceCheckpoint Checkpoint, long HighestSequence)> _pending = new();

    public int Pending => _pending.Count;

    /// <summary>Records a processed batch; <paramref name="highestSequence"/> is the engine's ingested sequence after it.</summary>
    public void Processed(SourceCheckpoint checkpoint, long highestSequence) => _pending.Enqueue((checkpoint, highestSequence));

    /// <summary>
    /// The checkpoint of the latest batch whose chunks all have sequences below <paramref name="oldestNeeded"/> (every
    /// batch's when null: nothing is retained), removing it and those before; null when none qualifies.
    /// </summary>
    public SourceCheckpoint? Take(long? oldestNeeded)
    {
        SourceCheckpoint? result = null;
        while (_pending.Count > 0 && (oldestNeeded is not { } oldest || _pending.Peek().HighestSequence < oldest))
            result = _pending.Dequeue().Checkpoint;
        return result;
    }
}
