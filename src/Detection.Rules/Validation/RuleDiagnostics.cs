using Detection.Kql.Diagnostics;
using Detection.Rules.Model;

namespace Detection.Rules.Validation;

/// <summary>
/// The one place rule-file diagnostics are made. Codes are stable. RULE0xx: the file and its fields;
/// RULE1xx: ranges and consistency Sentinel enforces; query problems keep the KQL front end's own codes (KQLnnn).
/// </summary>
public static class RuleDiagnostics
{
    public static readonly DiagnosticDescriptor InvalidYaml = new("RULE001", DiagnosticSeverity.Error, "The file is not valid YAML", null);
    public static readonly DiagnosticDescriptor NotAMapping = new("RULE002", DiagnosticSeverity.Error, "A rule file must be a mapping of fields", null);
    public static readonly DiagnosticDescriptor MissingField = new("RULE003", DiagnosticSeverity.Error, "A required field is missing", null);
    public static readonly DiagnosticDescriptor WrongFieldType = new("RULE004", DiagnosticSeverity.Error, "A field has the wrong type", null);
    public static readonly DiagnosticDescriptor InvalidValue = new("RULE005", DiagnosticSeverity.Error, "A field's value is not one of those allowed", null);
    public static readonly DiagnosticDescriptor InvalidDuration = new("RULE006", DiagnosticSeverity.Error, "A duration cannot be read", null);
    public static readonly DiagnosticDescriptor DuplicateId = new("RULE007", DiagnosticSeverity.Error, "Two rules have the same id", null);
    public static readonly DiagnosticDescriptor MissingKind = new("RULE008", DiagnosticSeverity.Info, "No kind: taken as Scheduled", null);

    public static readonly DiagnosticDescriptor DurationOutOfRange = new("RULE101", DiagnosticSeverity.Error, "queryFrequency or queryPeriod outside Sentinel's range", null);
    public static readonly DiagnosticDescriptor PeriodShorterThanFrequency = new("RULE102", DiagnosticSeverity.Error, "queryPeriod shorter than queryFrequency", null);
    public static readonly DiagnosticDescriptor FrequencyTooShortForPeriod = new("RULE103", DiagnosticSeverity.Error, "queryFrequency under 1 hour with a queryPeriod of 2 days or more", null);
    public static readonly DiagnosticDescriptor ThresholdOutOfRange = new("RULE104", DiagnosticSeverity.Error, "triggerThreshold outside 0 to 10,000", null);
    public static readonly DiagnosticDescriptor UnknownTactic = new("RULE105", DiagnosticSeverity.Error, "Unknown tactic", null);
    public static readonly DiagnosticDescriptor InvalidTechnique = new("RULE106", DiagnosticSeverity.Error, "A technique id is not of the form T1234 or T1234.001", null);
    public static readonly DiagnosticDescriptor UnknownEntityType = new("RULE107", DiagnosticSeverity.Error, "Unknown entity type", null);
    public static readonly DiagnosticDescriptor UnknownIdentifier = new("RULE108", DiagnosticSeverity.Error, "Unknown identifier for the entity type", null);
    public static readonly DiagnosticDescriptor TooManyMappings = new("RULE109", DiagnosticSeverity.Error, "More than 10 entity mappings, or more than 3 identifiers in one", null);
    public static readonly DiagnosticDescriptor CustomDetailsInvalid = new("RULE110", DiagnosticSeverity.Error, "Custom details: more than 20, or a key that is not 1-20 letters, digits or underscores", null);
    public static readonly DiagnosticDescriptor TooManyPlaceholders = new("RULE111", DiagnosticSeverity.Error, "More than 3 placeholders in an alert details override", null);
    public static readonly DiagnosticDescriptor LookbackOutOfRange = new("RULE112", DiagnosticSeverity.Error, "Incident grouping lookback outside 5 minutes to 7 days", null);
    public static readonly DiagnosticDescriptor UnknownResultColumn = new("RULE113", DiagnosticSeverity.Error, "A mapping names a column the query does not return", null);
    public static readonly DiagnosticDescriptor SuppressionOutOfRange = new("RULE114", DiagnosticSeverity.Error, "suppressionDuration outside 5 minutes to 24 hours", null);
    public static readonly DiagnosticDescriptor TechniqueWithoutTactic = new("RULE115", DiagnosticSeverity.Warning, "relevantTechniques given without any tactic", null);
    public static readonly DiagnosticDescriptor TechniqueOutsideTactics = new("RULE116", DiagnosticSeverity.Warning, "A technique belongs to none of the rule's tactics in ATT&CK", null);

    public static IReadOnlyList<DiagnosticDescriptor> All { get; } =
    [
        InvalidYaml, NotAMapping, MissingField, WrongFieldType, InvalidValue, InvalidDuration, DuplicateId, MissingKind,
        DurationOutOfRange, PeriodShorterThanFrequency, FrequencyTooShortForPeriod, ThresholdOutOfRange, UnknownTactic,
        InvalidTechnique, UnknownEntityType, UnknownIdentifier, TooManyMappings, CustomDetailsInvalid, TooManyPlaceholders,
        LookbackOutOfRange, UnknownResultColumn, SuppressionOutOfRange, TechniqueWithoutTactic,
        TechniqueOutsideTactics,
    ];

    public static RuleDiagnostic Make(DiagnosticDescriptor descriptor, string message, FilePosition? at) =>
        new(descriptor.Code, descriptor.Severity, message, at?.Line ?? 1, at?.Column ?? 1);
}
