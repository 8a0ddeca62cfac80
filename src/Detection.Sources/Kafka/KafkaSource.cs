using System.Runtime.CompilerServices;
using Confluent.Kafka;
using Detection.Sources.Logging;
using Microsoft.Extensions.Logging;

namespace Detection.Sources.Kafka;

/// <summary>
/// A consumer-group member reading one topic (a Kafka topic, an event hub). Offsets are committed only through
/// <see cref="CommitAsync"/>; partitions revoked by a rebalance stop being yielded at once (messages of theirs not yet
/// yielded are dropped, to be delivered again to their new owner) and are reported in the next batch's
/// <see cref="SourceBatch.Revoked"/>. Dispose leaves the group, so the others take the partitions over without waiting
/// for the session timeout. See <see cref="ISource"/> for the threading contract.
/// </summary>
public sealed class KafkaSource : ISource
{
    private readonly IConsumer<Ignore, byte[]> _consumer;
    private readonly string _topic;
    private readonly KafkaSourceOptions _options;
    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor;
    private readonly object _gate = new();
    private readonly Dictionary<TopicPartition, long> _positions = [];
    private readonly Dictionary<TopicPartition, long> _committed = [];
    private readonly HashSet<TopicPartition> _owned = [];
    private readonly List<SourcePartition> _assignedSinceBatch = [];
    private readonly List<SourcePartition> _revokedSinceBatch = [];
    private List<SourceMessage>? _collecting;
    private Task<SourceBatch?>? _polling;
    private bool _disposed;

    internal KafkaSource(ConsumerConfig config, string topic, KafkaSourceOptions options, ILogger logger, SecretRedactor redactor)
    {
        NativeKafka.EnsureLoaded();
        _topic = topic;
        _options = options;
        _logger = logger;
        _redactor = redactor;
        try
        {
            _consumer = new ConsumerBuilder<Ignore, byte[]>(config)
                .SetLogHandler((_, m) => Log(m))
                .SetErrorHandler((_, e) => _logger.LogWarning("kafka error on {Topic}: {Reason}", _topic, _redactor.Redact(e.Reason)))
                .SetPartitionsAssignedHandler((_, parts) => OnAssigned(parts))
                .SetPartitionsRevokedHandler((_, parts) => OnRevoked(parts.Select(p => p.TopicPartition), "revoked"))
                .SetPartitionsLostHandler((_, parts) => OnRevoked(parts.Select(p => p.TopicPartition), "lost"))
                .Build();
        }
        catch (KafkaException ex)
        {
            throw new SourceException($"cannot create the consumer for {topic}: {redactor.Redact(ex.Error.Reason)}");
        }
    }

    /// <summary>The partitions this instance owns now. Thread-safe.</summary>
    public IReadOnlyList<SourcePartition> OwnedPartitions
    {
        get
        {
            lock (_gate) return _owned.Select(Partition).OrderBy(p => p.Partition).ToList();
        }
    }

    public async IAsyncEnumerable<SourceBatch> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        _consumer.Subscribe(_topic);
        while (!cancellationToken.IsCancellationRequested && !_disposed)
        {
            _polling = Task.Run(() => Collect(cancellationToken), CancellationToken.None);
            var batch = await _polling.ConfigureAwait(false);
            if (batch is not null) yield return batch;
        }
    }

    private SourceBatch? Collect(CancellationToken cancellationToken)
    {
        var messages = _collecting = [];
        var timeout = _options.PollTimeout;
        while (messages.Count < _options.MaxBatchMessages && !cancellationToken.IsCancellationRequested && !_disposed)
        {
            ConsumeResult<Ignore, byte[]>? result;
            try
            {
                result = _consumer.Consume(timeout);
            }
            catch (ConsumeException ex) when (!ex.Error.IsFatal)
            {
                _logger.LogWarning("kafka consume on {Topic}: {Reason}", _topic, _redactor.Redact(ex.Error.Reason));
                break;
            }
            catch (KafkaException ex)
            {
                throw new SourceException($"kafka consumer of {_topic} failed: {_redactor.Redact(ex.Error.Reason)}");
            }
            if (result is null) break;
            if (result.Message is null) continue;
            var tp = result.TopicPartition;
            lock (_gate)
            {
                // A message may still arrive from a partition revoked within this poll: it belongs to the new owner now.
                if (!_owned.Contains(tp)) continue;
                _positions[tp] = result.Offset.Value + 1;
            }
            var timestamp = result.Message.Timestamp;
            messages.Add(new SourceMessage(
                result.Message.Value ?? [],
                new KafkaOrigin(tp.Topic, tp.Partition.Value, result.Offset.Value),
                timestamp.Type == TimestampType.NotAvailable ? null : new DateTimeOffset(timestamp.UtcDateTime)));
            timeout = TimeSpan.Zero; // drain what is already fetched, then yield
        }
        _collecting = null;
        lock (_gate)
        {
            if (messages.Count == 0 && _assignedSinceBatch.Count == 0 && _revokedSinceBatch.Count == 0) return null;
            var checkpoint = new SourceCheckpoint(_positions.ToDictionary(p => Partition(p.Key), p => p.Value));
            var batch = new SourceBatch(messages, checkpoint, [.. _assignedSinceBatch], [.. _revokedSinceBatch]);
            _assignedSinceBatch.Clear();
            _revokedSinceBatch.Clear();
            return batch;
        }
    }

    private void OnAssigned(List<TopicPartition> partitions)
    {
        lock (_gate)
        {
            foreach (var tp in partitions)
                if (_owned.Add(tp)) _assignedSinceBatch.Add(Partition(tp));
        }
        _logger.LogInformation("kafka {Topic}: assigned partitions {Partitions}", _topic, string.Join(",", partitions.Select(p => p.Partition.Value)));
    }

    private void OnRevoked(IEnumerable<TopicPartition> partitions, string how)
    {
        var list = partitions.ToList();
        lock (_gate)
        {
            foreach (var tp in list)
            {
                if (!_owned.Remove(tp)) continue;
                _positions.Remove(tp);
                _committed.Remove(tp);
                // Assigned and revoked again before any batch reported it: the reader never knew, so it is told neither.
                if (!_assignedSinceBatch.Remove(Partition(tp))) _revokedSinceBatch.Add(Partition(tp));
            }
            // The handler runs inside Consume, on the collecting thread: drop what this batch took from those partitions.
            _collecting?.RemoveAll(m => m.Origin is KafkaOrigin k && list.Any(tp => tp.Partition.Value == k.Partition && tp.Topic == k.Topic));
        }
        _logger.LogInformation("kafka {Topic}: partitions {Partitions} {How}", _topic, string.Join(",", list.Select(p => p.Partition.Value)), how);
    }

    public ValueTask CommitAsync(SourceCheckpoint checkpoint, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        List<TopicPartitionOffset> offsets;
        lock (_gate)
        {
            offsets = checkpoint.Positions
                .Select(p => new TopicPartitionOffset(p.Key.Topic, p.Key.Partition, p.Value))
                .Where(o => _owned.Contains(o.TopicPartition) && (!_committed.TryGetValue(o.TopicPartition, out var done) || o.Offset.Value > done))
                .ToList();
        }
        if (offsets.Count == 0) return ValueTask.CompletedTask;
        return new ValueTask(Task.Run(() => Commit(offsets), cancellationToken));
    }

    private void Commit(List<TopicPartitionOffset> offsets)
    {
        try
        {
            _consumer.Commit(offsets);
        }
        catch (KafkaException ex)
        {
            throw new SourceException($"kafka commit on {_topic} failed (the messages will be delivered again): {_redactor.Redact(ex.Error.Reason)}");
        }
        lock (_gate)
        {
            foreach (var o in offsets)
                if (_owned.Contains(o.TopicPartition) && (!_committed.TryGetValue(o.TopicPartition, out var done) || o.Offset.Value > done))
                    _committed[o.TopicPartition] = o.Offset.Value;
        }
        _logger.LogDebug("kafka {Topic}: committed {Offsets}", _topic, string.Join(",", offsets.Select(o => $"{o.Partition.Value}@{o.Offset.Value}")));
    }

    private void Log(LogMessage message)
    {
        var level = message.Level switch
        {
            SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical or SyslogLevel.Error => LogLevel.Error,
            SyslogLevel.Warning => LogLevel.Warning,
            SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
            _ => LogLevel.Debug,
        };
        _logger.Log(level, "librdkafka {Facility}: {Message}", message.Facility, _redactor.Redact(message.Message));
    }

    private static SourcePartition Partition(TopicPartition tp) => new(tp.Topic, tp.Partition.Value);

    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_polling is { } polling)
        {
            try { await polling.ConfigureAwait(false); }
            catch (SourceException) { /* already surfaced to the reader */ }
        }
        await Task.Run(() =>
        {
            try { _consumer.Close(); } // leaves the group: the others rebalance at once
            catch (KafkaException ex) { _logger.LogWarning("kafka {Topic}: close: {Reason}", _topic, _redactor.Redact(ex.Error.Reason)); }
            _consumer.Dispose();
        }).ConfigureAwait(false);
    }
}
