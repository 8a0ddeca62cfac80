using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;

namespace Detection.Service.Observability;

/// <summary>
/// Collects the service's instruments with a <see cref="MeterListener"/> and renders them as text in the Prometheus
/// exposition format (counters as totals, histograms as count and sum, gauges as last values), for /metrics.
/// Thread-safe.
/// </summary>
public sealed class MetricsSnapshot : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), double> _totals = new();
    private readonly ConcurrentDictionary<(string Name, string Labels), double> _gauges = new();

    public MetricsSnapshot()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == LiveMetrics.MeterName) listener.EnableMeasurementEvents(instrument);
        };
        _listener.SetMeasurementEventCallback<long>((i, v, tags, _) => Record(i, v, tags));
        _listener.SetMeasurementEventCallback<double>((i, v, tags, _) => Record(i, v, tags));
        _listener.Start();
    }

    /// <summary>The instruments' current values, one line each, sorted.</summary>
    public string Render()
    {
        _gauges.Clear();
        _listener.RecordObservableInstruments();
        var text = new StringBuilder();
        foreach (var ((name, labels), value) in _totals.Concat(_gauges).OrderBy(e => e.Key.Name, StringComparer.Ordinal).ThenBy(e => e.Key.Labels, StringComparer.Ordinal))
            text.Append(name).Append(labels).Append(' ').Append(value.ToString("0.###", CultureInfo.InvariantCulture)).Append('\n');
        return text.ToString();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var name = instrument.Name.Replace('.', '_');
        var labels = Labels(tags);
        switch (instrument)
        {
            case ObservableGauge<double>:
                _gauges[(name, labels)] = value;
                break;
            case Histogram<double>:
                _totals.AddOrUpdate((name + "_count", labels), 1, (_, v) => v + 1);
                _totals.AddOrUpdate((name + "_sum", labels), value, (_, v) => v + value);
                break;
            default:
                _totals.AddOrUpdate((name + "_total", labels), value, (_, v) => v + value);
                break;
        }
    }

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        if (tags.Length == 0) return "";
        var parts = new List<string>();
        foreach (var tag in tags) parts.Add($"{tag.Key}=\"{Convert.ToString(tag.Value, CultureInfo.InvariantCulture)?.Replace("\\", "\\\\").Replace("\"", "\\\"")}\"");
        parts.Sort(StringComparer.Ordinal);
        return "{" + string.Join(",", parts) + "}";
    }

    public void Dispose() => _listener.Dispose();
}
