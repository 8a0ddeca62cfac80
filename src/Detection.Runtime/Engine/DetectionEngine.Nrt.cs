using Detection.Incidents.Alerts;
using Detection.Kql.Symbols;
using Detection.Runtime.Rules;
using Detection.Runtime.Windows;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Runtime.Engine;

public sealed partial class DetectionEngine
{
    /// <summary>
    /// NRT rules: one run per instant r on the NRT grid (r ≤ <paramref name="through"/>) that has rows with TimeGenerated in
    /// [r − interval, r), over those rows; rows that arrived since the rule's previous run with an earlier time (late
    /// rows) join its next run. NRT runs do not wait for the allowed lateness.
    /// </summary>
    private void RunNrt(DateTime through)
    {
        var interval = _options.NrtInterval;
        var end = RunGrid.Floor(through, interval);
        if (_to is { } to && end > to) end = to;
        foreach (var rule in _rules)
        {
            if (!rule.IsNrt) continue;
            var state = _states[rule];
            var from = state.NrtThrough;
            var tables = _store.Tables.Where(t => rule.Reads(t.Schema.Name)).ToList();
            var late = new Dictionary<string, List<Chunk>>(StringComparer.Ordinal);
            foreach (var window in tables)
            {
                var chunks = window.ArrivedAfter(state.NrtSequence, state.NrtFloor, from).ToList();
                if (chunks.Count > 0) late[window.Schema.Name] = chunks;
            }
            var instants = end > from
                ? tables.SelectMany(t => t.RunInstants(from, end, interval)).Distinct().Order().ToList()
                : [];
            if (late.Count > 0 && instants.Count == 0 && end > from) instants.Add(end);
            if (instants.Count == 0) continue;
            foreach (var instant in instants)
            {
                RunNrtAt(rule, instant, late);
                late = [];
            }
            state.NrtThrough = end > from ? end : from;
            state.NrtSequence = _store.Sequence;
        }
    }

    private void RunNrtAt(CompiledRule rule, DateTime instant, Dictionary<string, List<Chunk>> late)
    {
        var run = new RuleRun(instant, instant - _options.NrtInterval);
        var state = _states[rule];
        if (instant < state.SuppressedUntil)
        {
            Publish(RuleExecutor.Suppressed(rule, run, state.SuppressedUntil));
            return;
        }
        var view = new WindowView(_store, rule, run.WindowStart, run.Time, _windowCache, late);
        TrimStringIds();
        Publish(RuleExecutor.Execute(rule, run, view, _strings, _options, null));
    }

    private static DateTime? MinTime(Table table)
    {
        var column = table.Schema.IndexOf("TimeGenerated");
        if (column < 0 || table.Schema.Columns[column].Type != KqlType.DateTime) return null;
        DateTime? best = null;
        foreach (var chunk in table.Chunks)
        {
            var times = (PrimitiveColumn<DateTime>)chunk.Columns[column];
            for (var i = 0; i < chunk.RowCount; i++)
            {
                if (times.IsNull(i)) continue;
                var t = times.Get(i);
                if (best is null || t < best) best = t;
            }
        }
        return best is { } b ? Incidents.Times.Utc(b) : null;
    }
}
