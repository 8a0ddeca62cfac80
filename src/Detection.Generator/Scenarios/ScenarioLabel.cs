namespace Detection.Generator.Scenarios;

/// <summary>One scenario instance as written to labels.json.</summary>
internal sealed record ScenarioLabel(
    string Id,
    string Name,
    string Description,
    IReadOnlyList<string> Techniques,
    DateTime Start,
    DateTime End,
    IReadOnlyList<string> Tables,
    IReadOnlyList<string> Categories,
    IReadOnlyList<KeyValuePair<string, int>> Rows,
    ScenarioEntities Entities);
