using Detection.Generator.Randomness;
using Detection.Generator.World;

namespace Detection.Generator.Events;

/// <summary>
/// What a background generator or a scenario needs to produce one day: the world, the UTC day, a random stream of
/// its own and the sink for events. Events outside the generated range are dropped here, so producers need not care.
/// </summary>
internal sealed class DayContext
{
    private readonly Action<LogEvent> _sink;
    private readonly Action<LogEvent> _background;

    public DayContext(WorldModel world, Prng seed, AttackerPool attackers, int dayIndex, DateTime dayStart, DateTime rangeStart, DateTime rangeEnd, Action<LogEvent> sink)
        : this(world, seed, attackers, dayIndex, dayStart, rangeStart, rangeEnd, sink, sink)
    {
    }

    private DayContext(WorldModel world, Prng seed, AttackerPool attackers, int dayIndex, DateTime dayStart, DateTime rangeStart, DateTime rangeEnd,
        Action<LogEvent> sink, Action<LogEvent> background)
    {
        _background = background;
        World = world;
        Seed = seed;
        Attackers = attackers;
        DayIndex = dayIndex;
        DayStart = dayStart;
        RangeStart = rangeStart;
        RangeEnd = rangeEnd;
        _sink = sink;
    }

    public WorldModel World { get; }
    public AttackerPool Attackers { get; }
    public int DayIndex { get; }
    /// <summary>Midnight UTC of the day being generated.</summary>
    public DateTime DayStart { get; }
    public DateTime RangeStart { get; }
    public DateTime RangeEnd { get; }
    private Prng Seed { get; }

    /// <summary>An independent random stream for <paramref name="concern"/> on this day.</summary>
    public Prng Random(string concern) => Seed.Fork($"{DayStart:yyyy-MM-dd}/{concern}");

    public bool InRange(DateTime t) => t >= RangeStart && t < RangeEnd;

    public void Emit(LogEvent e)
    {
        if (InRange(e.Time)) _sink(e);
    }

    /// <summary>Emits an event that is a consequence of a scenario but not part of its label (an activation expiring hours later).</summary>
    public void EmitUnlabelled(LogEvent e)
    {
        if (InRange(e.Time)) _background(e);
    }

    /// <summary>A context that also hands every event emitted through <see cref="Emit"/> (in range) to <paramref name="observer"/>.</summary>
    public DayContext Observed(Action<LogEvent> observer) =>
        new(World, Seed, Attackers, DayIndex, DayStart, RangeStart, RangeEnd, e => { _sink(e); observer(e); }, _background);
}
