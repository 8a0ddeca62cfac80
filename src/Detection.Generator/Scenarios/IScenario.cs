using Detection.Generator.Events;

namespace Detection.Generator.Scenarios;

/// <summary>
/// A labelled attack (or risky change) injected once per generated day at a deterministic time. Everything the
/// scenario emits through the given context is attributed to it: the label's window, tables and counts are computed
/// from those events, so they cannot drift from the data.
/// </summary>
internal interface IScenario
{
    /// <summary>Stable kebab-case name used in labels.json.</summary>
    string Name { get; }

    string Description { get; }

    /// <summary>MITRE ATT&amp;CK technique ids.</summary>
    IReadOnlyList<string> Techniques { get; }

    /// <summary>Emits the scenario's events into <paramref name="day"/> and records the entities involved.</summary>
    void Inject(DayContext day, ScenarioEntities entities);
}
