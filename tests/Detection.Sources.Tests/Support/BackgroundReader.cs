using System.Collections.Concurrent;

namespace Detection.Sources.Tests.Support;

/// <summary>Reads a source on a background task and keeps its batches, so a test can act while the source runs.</summary>
internal sealed class BackgroundReader : IAsyncDisposable
{
    private readonly ConcurrentQueue<SourceBatch> _batches = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    public BackgroundReader(ISource source)
    {
        Source = source;
        _reading = Task.Run(async () =>
        {
            await foreach (var batch in source.ReadAsync(_stop.Token)) _batches.Enqueue(batch);
        });
    }

    public ISource Source { get; }

    public IReadOnlyList<SourceBatch> Batches => [.. _batches];

    public IReadOnlyList<SourceMessage> Messages => [.. _batches.SelectMany(b => b.Messages)];

    /// <summary>Waits (polling, at most <paramref name="limit"/>) until the condition holds; false when it never did.</summary>
    public async Task<bool> WaitUntil(Func<BackgroundReader, bool> condition, TimeSpan limit)
    {
        var end = DateTime.UtcNow + limit;
        while (DateTime.UtcNow < end)
        {
            if (_reading.IsFaulted) await _reading; // surface the source's exception
            if (condition(this)) return true;
            await Task.Delay(50);
        }
        return condition(this);
    }

    /// <summary>Stops reading and disposes the source (a Kafka member leaves its group).</summary>
    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try { await _reading; }
        catch (OperationCanceledException) { }
        await Source.DisposeAsync();
        _stop.Dispose();
    }
}
