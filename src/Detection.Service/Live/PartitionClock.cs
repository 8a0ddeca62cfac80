using Detection.Sources;

namespace Detection.Service.Live;

/// <summary>
/// The live watermark of a partitioned source: the smallest of the owned partitions' latest event times, so a partition
/// read ahead of the others never makes their rows late (replay order within each partition). A partition that has not
/// delivered yet holds the watermark back until it delivers or goes quiet for <c>idleTimeout</c> of wall time; sources
/// without partitions (files, standard input) are one partition. Not thread-safe.
/// </summary>
internal sealed class PartitionClock(TimeProvider clock, TimeSpan idleTimeout)
{
    private readonly Dictionary<SourcePartition, DateTime?> _latest = [];
    private readonly Dictionary<SourcePartition, DateTimeOffset> _lastMessage = [];

    /// <summary>The latest event time seen on any partition (owned or not); null before the first.</summary>
    public DateTime? MaxSeen { get; private set; }

    public IReadOnlyDictionary<SourcePartition, DateTime?> Partitions => _latest;

    public void Assign(SourcePartition partition)
    {
        if (_latest.ContainsKey(partition)) return;
        _latest[partition] = null;
        _lastMessage[partition] = clock.GetUtcNow();
    }

    public void Revoke(SourcePartition partition)
    {
        _latest.Remove(partition);
        _lastMessage.Remove(partition);
    }

    /// <summary>A message of the partition arrived; <paramref name="latest"/> is its rows' latest event time, if any.</summary>
    public void Observe(SourcePartition partition, DateTime? latest)
    {
        _lastMessage[partition] = clock.GetUtcNow();
        var known = _latest.GetValueOrDefault(partition);
        if (latest is { } t && (known is null || t > known)) known = t;
        _latest[partition] = known;
        if (latest is { } l && (MaxSeen is null || l > MaxSeen)) MaxSeen = l;
    }

    /// <summary>The watermark: the smallest latest time among owned partitions that are not quiet; null while one that never
    /// delivered still holds it back.</summary>
    public DateTime? Watermark()
    {
        var now = clock.GetUtcNow();
        DateTime? min = null;
        foreach (var (partition, latest) in _latest)
        {
            var quiet = now - _lastMessage[partition] >= idleTimeout;
            if (latest is null)
            {
                if (quiet) continue;
                return null;
            }
            if (quiet) continue;
            if (min is null || latest < min) min = latest;
        }
        return min ?? MaxSeen;
    }
}
