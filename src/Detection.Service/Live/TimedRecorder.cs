using Detection.Runtime.Engine;
using Detection.Runtime.Output;
using Detection.Service.Observability;

namespace Detection.Service.Live;

/// <summary>The incident recorder measured: rule run durations, alerts and incidents counted, store writes timed.</summary>
internal sealed class TimedRecorder(IncidentRecorder inner, LiveMetrics metrics, TimeProvider clock) : IObserver<RuleRunOutcome>
{
    public void OnNext(RuleRunOutcome outcome)
    {
        metrics.RuleRunDuration.Record(outcome.Duration.TotalMilliseconds, new KeyValuePair<string, object?>("rule", outcome.Rule.Name));
        var alerts = inner.AlertCount;
        var incidents = inner.IncidentChanges;
        var start = clock.GetTimestamp();
        inner.OnNext(outcome);
        if (outcome.Alerts.Count > 0) metrics.StoreLatency.Record(clock.GetElapsedTime(start).TotalMilliseconds, new KeyValuePair<string, object?>("operation", "incidents"));
        metrics.Alerts.Add(inner.AlertCount - alerts);
        metrics.Incidents.Add(inner.IncidentChanges - incidents);
    }

    /// <summary>Flushes buffered rule health, timed.</summary>
    public void Flush()
    {
        var start = clock.GetTimestamp();
        inner.Flush();
        metrics.StoreLatency.Record(clock.GetElapsedTime(start).TotalMilliseconds, new KeyValuePair<string, object?>("operation", "health"));
    }

    public void OnError(Exception error) => inner.OnError(error);

    public void OnCompleted() => inner.OnCompleted();
}
