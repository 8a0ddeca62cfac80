namespace Detection.Generator.Events;

/// <summary>
/// Collects events in any order and hands them back sorted by time, day by day. Ties keep insertion order, which is
/// itself deterministic, so the output is stable. Events later than the drained day stay for the next drain.
/// </summary>
internal sealed class Timeline
{
    private List<(LogEvent Event, long Sequence)> _pending = [];
    private long _sequence;

    public void Add(LogEvent e) => _pending.Add((e, _sequence++));

    /// <summary>Removes and returns, sorted, every event earlier than <paramref name="end"/>.</summary>
    public List<LogEvent> DrainBefore(DateTime end)
    {
        var due = _pending.Where(p => p.Event.Time < end).ToList();
        _pending = _pending.Where(p => p.Event.Time >= end).ToList();
        due.Sort((a, b) =>
        {
            var byTime = a.Event.Time.CompareTo(b.Event.Time);
            return byTime != 0 ? byTime : a.Sequence.CompareTo(b.Sequence);
        });
        return due.ConvertAll(p => p.Event);
    }
}
