namespace Detection.Incidents.Model;

/// <summary>Sentinel's severities, in increasing order (so an incident's severity is the maximum of its alerts').</summary>
public enum Severity
{
    Informational,
    Low,
    Medium,
    High,
}

/// <summary>An incident's triage status.</summary>
public enum IncidentStatus
{
    New,
    Active,
    Closed,
}

/// <summary>Why an incident was closed; required to close one, as in Sentinel.</summary>
public enum IncidentClassification
{
    TruePositive,
    BenignPositive,
    FalsePositive,
    Undetermined,
}

/// <summary>Case-insensitive parsing of the enums as rule files and the command line write them.</summary>
public static class Enums
{
    public static bool TryParse<T>(string? text, out T value)
        where T : struct, Enum =>
        Enum.TryParse(text?.Trim(), ignoreCase: true, out value) && Enum.IsDefined(value);

    /// <summary>A rule's severity text as a <see cref="Severity"/>; anything unrecognised is Medium, Sentinel's default.</summary>
    public static Severity SeverityOrDefault(string? text) => TryParse<Severity>(text, out var s) ? s : Severity.Medium;
}
