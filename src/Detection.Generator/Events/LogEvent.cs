namespace Detection.Generator.Events;

/// <summary>Something that becomes one record (or one flow tuple) in the output. Times are UTC.</summary>
internal abstract class LogEvent
{
    public required DateTime Time { get; init; }
}
