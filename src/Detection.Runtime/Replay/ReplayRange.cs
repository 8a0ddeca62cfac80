using Detection.Runtime.Engine;

namespace Detection.Runtime.Replay;

/// <summary>The replayed range (from, to]: scheduled runs happen at instants in it.</summary>
public sealed record ReplayRange(DateTime From, DateTime To)
{
    /// <summary>
    /// The range for data spanning [<paramref name="first"/>, <paramref name="last"/>]: given bounds win; by default the
    /// first event's time floored to the hour and the smallest hour after the last event (so that it falls in a window).
    /// </summary>
    public static ReplayRange For(DateTime first, DateTime last, DateTime? from = null, DateTime? to = null)
    {
        var start = from ?? RunGrid.Floor(first, TimeSpan.FromHours(1));
        var end = to ?? RunGrid.CeilingAfter(last, TimeSpan.FromHours(1));
        if (end <= start) throw new ArgumentException($"the replay range is empty: --to {end:O} is not after --from {start:O}");
        return new ReplayRange(start, end);
    }
}
