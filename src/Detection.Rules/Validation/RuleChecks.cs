using System.Text.RegularExpressions;
using Detection.Rules.Loading;
using Detection.Rules.Model;

namespace Detection.Rules.Validation;

/// <summary>The field checks of <see cref="RuleValidator"/>, one method per concern.</summary>
internal sealed class RuleChecks(AnalyticsRule rule, List<RuleDiagnostic> diagnostics)
{
    private FilePosition? At(string field) => rule.Fields.GetValueOrDefault(field)?.Position;

    private void Add(Kql.Diagnostics.DiagnosticDescriptor descriptor, string message, FilePosition? at) =>
        diagnostics.Add(RuleDiagnostics.Make(descriptor, message, at));

    public void Required()
    {
        var required = new List<string> { "id", "name", "severity", "query" };
        if (rule.Kind == RuleKind.Scheduled) required.AddRange(["queryFrequency", "queryPeriod", "triggerOperator", "triggerThreshold"]);
        foreach (var field in required.Where(f => !rule.Fields.ContainsKey(f)))
            Add(RuleDiagnostics.MissingField, $"the required field '{field}' is missing", new FilePosition(1, 1));
        if (rule.Id is { } id && !Guid.TryParse(id, out _))
            Add(RuleDiagnostics.InvalidValue, $"id: '{id}' is not a GUID", At("id"));
        if (rule.Fields.ContainsKey("query") && string.IsNullOrWhiteSpace(rule.Query))
            Add(RuleDiagnostics.MissingField, "query: the query is empty", At("query"));
    }

    public void Schedule(TimeSpan minimum, TimeSpan maximum)
    {
        foreach (var (name, value) in new[] { ("queryFrequency", rule.QueryFrequency), ("queryPeriod", rule.QueryPeriod) })
        {
            if (value is { } v && (v < minimum || v > maximum))
                Add(RuleDiagnostics.DurationOutOfRange, $"{name}: {Durations.Format(v)} is outside 5m to 14d", At(name));
        }
        if (rule.QueryFrequency is { } frequency && rule.QueryPeriod is { } period)
        {
            if (period < frequency)
                Add(RuleDiagnostics.PeriodShorterThanFrequency, $"queryPeriod {Durations.Format(period)} is shorter than queryFrequency {Durations.Format(frequency)}", At("queryPeriod"));
            if (period >= TimeSpan.FromDays(2) && frequency < TimeSpan.FromHours(1))
                Add(RuleDiagnostics.FrequencyTooShortForPeriod, $"queryFrequency {Durations.Format(frequency)} must be at least 1h when queryPeriod is 2d or more ({Durations.Format(period)})", At("queryFrequency"));
        }
        if (rule.TriggerThreshold is { } threshold && threshold is < 0 or > 10_000)
            Add(RuleDiagnostics.ThresholdOutOfRange, $"triggerThreshold: {threshold} is outside 0 to 10000", At("triggerThreshold"));
        if (rule.SuppressionDuration is { } suppression && (suppression < TimeSpan.FromMinutes(5) || suppression > TimeSpan.FromHours(24)))
            Add(RuleDiagnostics.SuppressionOutOfRange, $"suppressionDuration: {Durations.Format(suppression)} is outside 5m to 24h", At("suppressionDuration"));
        if (rule.IncidentConfiguration is { LookbackDuration: { } lookback } incident && (lookback < TimeSpan.FromMinutes(5) || lookback > TimeSpan.FromDays(7)))
            Add(RuleDiagnostics.LookbackOutOfRange, $"lookbackDuration: {Durations.Format(lookback)} is outside 5m to 7d", incident.Position);
    }

    public void Classification(string[] severities, Regex techniqueId)
    {
        if (rule.Severity is { } severity && !severities.Contains(severity, StringComparer.OrdinalIgnoreCase))
            Add(RuleDiagnostics.InvalidValue, $"severity: '{severity}' is not one of {string.Join(", ", severities)}", At("severity"));
        foreach (var tactic in rule.Tactics.Where(t => !Tactics.IsKnown(t)))
            Add(RuleDiagnostics.UnknownTactic, $"tactics: '{tactic}' is not a tactic (expected one of {string.Join(", ", Tactics.All)})", At("tactics"));
        foreach (var technique in rule.RelevantTechniques.Where(t => !techniqueId.IsMatch(t)))
            Add(RuleDiagnostics.InvalidTechnique, $"relevantTechniques: '{technique}' is not of the form T1234 or T1234.001", At("relevantTechniques"));
        if (rule.RelevantTechniques.Length > 0 && rule.Tactics.Length == 0)
            Add(RuleDiagnostics.TechniqueWithoutTactic, "relevantTechniques are given but no tactics", At("relevantTechniques"));
        if (rule.Tactics.Length == 0) return;
        foreach (var technique in rule.RelevantTechniques.Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (AttackTechniques.Tactics(technique) is not { } tactics || tactics.Any(t => rule.Tactics.Contains(t, StringComparer.OrdinalIgnoreCase))) continue;
            Add(RuleDiagnostics.TechniqueOutsideTactics, $"relevantTechniques: '{technique}' belongs to {string.Join(", ", tactics)} in ATT&CK, none of the rule's tactics ({string.Join(", ", rule.Tactics)})", At("relevantTechniques"));
        }
    }

    public void Mappings(Regex customDetailKey, Regex placeholder)
    {
        if (rule.EntityMappings.Length > 10)
            Add(RuleDiagnostics.TooManyMappings, $"entityMappings: {rule.EntityMappings.Length} mappings, at most 10 are allowed", At("entityMappings"));
        foreach (var mapping in rule.EntityMappings)
        {
            if (!EntityCatalog.IsEntityType(mapping.EntityType))
            {
                Add(RuleDiagnostics.UnknownEntityType, $"entityType: '{mapping.EntityType}' is not an entity type (expected one of {string.Join(", ", EntityCatalog.EntityTypes)})", mapping.Position);
                continue;
            }
            if (mapping.FieldMappings.Length > 3)
                Add(RuleDiagnostics.TooManyMappings, $"{mapping.EntityType}: {mapping.FieldMappings.Length} identifiers, at most 3 are allowed", mapping.Position);
            foreach (var field in mapping.FieldMappings.Where(f => !EntityCatalog.IsIdentifier(mapping.EntityType, f.Identifier)))
                Add(RuleDiagnostics.UnknownIdentifier, $"identifier: '{field.Identifier}' is not an identifier of {mapping.EntityType} (expected one of {string.Join(", ", EntityCatalog.IdentifiersOf(mapping.EntityType))})", field.Position);
        }
        if (rule.CustomDetails.Count > 20)
            Add(RuleDiagnostics.CustomDetailsInvalid, $"customDetails: {rule.CustomDetails.Count} entries, at most 20 are allowed", At("customDetails"));
        foreach (var key in rule.CustomDetails.Keys.Where(k => !customDetailKey.IsMatch(k)))
            Add(RuleDiagnostics.CustomDetailsInvalid, $"customDetails: the key '{key}' must be 1 to 20 letters, digits or underscores", At("customDetails"));
        foreach (var (name, format) in new[] { ("alertDisplayNameFormat", rule.AlertDisplayNameFormat), ("alertDescriptionFormat", rule.AlertDescriptionFormat) })
        {
            var count = format is null ? 0 : placeholder.Matches(format).Count;
            if (count > 3)
                Add(RuleDiagnostics.TooManyPlaceholders, $"{name}: {count} placeholders, at most 3 are allowed", At("alertDetailsOverride"));
        }
    }

    /// <summary>Entity mappings, custom details and override placeholders must name columns the query returns.</summary>
    public void ResultColumns(IReadOnlySet<string> columns)
    {
        foreach (var field in rule.EntityMappings.SelectMany(m => m.FieldMappings).Where(f => f.ColumnName.Length > 0 && !columns.Contains(f.ColumnName)))
            Add(RuleDiagnostics.UnknownResultColumn, $"columnName: the query returns no column '{field.ColumnName}'", field.ColumnPosition);
        foreach (var (key, column) in rule.CustomDetails.Where(d => !columns.Contains(d.Value)))
            Add(RuleDiagnostics.UnknownResultColumn, $"customDetails.{key}: the query returns no column '{column}'", At("customDetails"));
        foreach (var format in new[] { rule.AlertDisplayNameFormat, rule.AlertDescriptionFormat })
        {
            if (format is null) continue;
            foreach (Match m in RuleValidator.Placeholder().Matches(format))
            {
                if (!columns.Contains(m.Groups[1].Value))
                    Add(RuleDiagnostics.UnknownResultColumn, $"alertDetailsOverride: the query returns no column '{m.Groups[1].Value}'", At("alertDetailsOverride"));
            }
        }
    }
}
