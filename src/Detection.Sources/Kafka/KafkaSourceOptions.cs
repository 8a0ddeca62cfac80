namespace Detection.Sources.Kafka;

/// <summary>How a Kafka / Event Hubs source consumes. Immutable; the defaults suit a live service.</summary>
public sealed record KafkaSourceOptions
{
    /// <summary>A batch is yielded when it holds this many messages …</summary>
    public int MaxBatchMessages { get; init; } = 1000;

    /// <summary>… or when no message arrives within this time (an empty poll yields nothing unless partitions changed).</summary>
    public TimeSpan PollTimeout { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Where a consumer group with no committed offset starts: <c>earliest</c> (default: nothing retained is missed) or <c>latest</c>.</summary>
    public string AutoOffsetReset { get; init; } = "earliest";

    /// <summary>librdkafka properties set last, over the mapped ones (tuning, or tests: <c>bootstrap.servers</c> of a mock cluster).
    /// Never put a secret here: only the connection string read from the environment is treated as one.</summary>
    public IReadOnlyDictionary<string, string> Overrides { get; init; } = new Dictionary<string, string>();
}
