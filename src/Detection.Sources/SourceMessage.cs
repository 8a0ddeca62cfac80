using Detection.Ingestion;

namespace Detection.Sources;

/// <summary>One body as a source delivered it: an Event Hubs / Kafka message, a run of complete lines of a file or of
/// standard input, or a page of Log Analytics rows. The body is any format <see cref="DataLoader"/> reads.</summary>
/// <param name="Body">The bytes, as received.</param>
/// <param name="Origin">Where it came from; rejected records name it.</param>
/// <param name="EnqueuedTime">When the broker received it (Kafka timestamp), when known.</param>
public sealed record SourceMessage(ReadOnlyMemory<byte> Body, MessageOrigin Origin, DateTimeOffset? EnqueuedTime = null)
{
    /// <summary>The body as an input of <see cref="DataLoader.Load(IEnumerable{LoadInput}, LoadOptions)"/>.</summary>
    public LoadInput ToLoadInput() => LoadInput.FromBytes(Origin.Location, Body, Origin.FirstLine);
}

/// <summary>Where a message came from. <see cref="Location"/> becomes the <see cref="Rejection.File"/> of its rejected records.</summary>
public abstract record MessageOrigin
{
    /// <summary>A short text naming the message: <c>topic/partition@offset</c>, a file path, a Log Analytics slice.</summary>
    public abstract string Location { get; }

    /// <summary>The line of the body's first line in its file (1 for a whole message).</summary>
    public virtual long FirstLine => 1;

    public sealed override string ToString() => FirstLine == 1 ? Location : $"{Location}:{FirstLine}";
}

/// <summary>A Kafka / Event Hubs message: its topic (the hub), partition and offset.</summary>
public sealed record KafkaOrigin(string Topic, int Partition, long Offset) : MessageOrigin
{
    public override string Location => $"{Topic}/{Partition}@{Offset}";
}

/// <summary>A run of lines of a file (or of standard input, whose <paramref name="Path"/> is <c>stdin</c>) starting at <paramref name="Line"/>.</summary>
public sealed record FileOrigin(string Path, long Line, long ByteOffset) : MessageOrigin
{
    public override string Location => Path;

    public override long FirstLine => Line;
}

/// <summary>A page of rows of one table queried from a Log Analytics workspace over [<paramref name="From"/>, <paramref name="To"/>).</summary>
public sealed record LogAnalyticsOrigin(string Workspace, string Table, DateTimeOffset From, DateTimeOffset To, int Page) : MessageOrigin
{
    public override string Location =>
        $"loganalytics://{Workspace}/{Table}[{From.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ},{To.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffZ})#{Page}";
}
