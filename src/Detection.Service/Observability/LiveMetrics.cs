using System.Diagnostics.Metrics;

namespace Detection.Service.Observability;

/// <summary>
/// The service's instruments (System.Diagnostics.Metrics, meter <see cref="MeterName"/>): events in and rejected per
/// table, rule run duration, alerts, incidents, store latency, and per partition how far its event time is behind the
/// most advanced partition (the Kafka source does not report broker offsets, so lag is measured in event time).
/// Any MeterListener or OpenTelemetry MeterProvider can collect them; the health endpoint renders them on /metrics.
/// Thread-safe.
/// </summary>
public sealed class LiveMetrics : IDisposable
{
    public const string MeterName = "Detection.Service";

    private readonly Meter _meter;
    private Func<IEnumerable<Measurement<double>>> _partitionsBehind = () => [];

    public LiveMetrics()
    {
        _meter = new Meter(MeterName);
        EventsIn = _meter.CreateCounter<long>("detection.events.in", "{row}", "Rows decoded, per table");
        EventsRejected = _meter.CreateCounter<long>("detection.events.rejected", "{record}", "Records set aside, per table when known");
        Alerts = _meter.CreateCounter<long>("detection.alerts", "{alert}", "Alerts new to the store");
        Incidents = _meter.CreateCounter<long>("detection.incidents", "{incident}", "Incident creations and changes stored (one incident changed twice counts twice)");
        RuleRunDuration = _meter.CreateHistogram<double>("detection.rule.duration", "ms", "Wall time of one rule run, per rule");
        StoreLatency = _meter.CreateHistogram<double>("detection.store.latency", "ms", "Wall time of store writes and source commits, per operation");
        _meter.CreateObservableGauge("detection.partition.behind", () => _partitionsBehind(), "s",
            "Event time a partition is behind the most advanced one (consumer lag in event time)");
    }

    public Counter<long> EventsIn { get; }

    public Counter<long> EventsRejected { get; }

    public Counter<long> Alerts { get; }

    public Counter<long> Incidents { get; }

    public Histogram<double> RuleRunDuration { get; }

    public Histogram<double> StoreLatency { get; }

    /// <summary>Sets what the partition gauge observes (the running service's partition clock).</summary>
    internal void ObservePartitions(Func<IEnumerable<Measurement<double>>> observe) => _partitionsBehind = observe;

    public void Dispose() => _meter.Dispose();
}
