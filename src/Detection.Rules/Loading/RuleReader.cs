using System.Collections.Immutable;
using Detection.Rules.Model;
using Detection.Rules.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Detection.Rules.Loading;

/// <summary>Turns the YAML fields of a rule file into an <see cref="AnalyticsRule"/>.</summary>
internal static class RuleReader
{
    public static AnalyticsRule Read(FieldReader fields, string text, string file)
    {
        var kindText = fields.String("kind");
        var kind = RuleKind.Scheduled;
        if (kindText is null)
        {
            fields.Diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.MissingKind, "no 'kind': the rule is taken as Scheduled", fields.Position));
        }
        else if (kindText.Equals("NRT", StringComparison.OrdinalIgnoreCase))
        {
            kind = RuleKind.Nrt;
        }
        else if (!kindText.Equals("Scheduled", StringComparison.OrdinalIgnoreCase))
        {
            fields.Diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.InvalidValue,
                $"kind: '{kindText}' is not a rule kind the engine runs (expected Scheduled or NRT)", fields.PositionOf("kind")));
        }

        var overrides = fields.Child("alertDetailsOverride");
        var grouping = fields.Child("eventGroupingSettings");
        return new AnalyticsRule
        {
            File = file,
            Id = fields.String("id"),
            Name = fields.String("name"),
            Description = fields.String("description"),
            Severity = fields.String("severity"),
            Kind = kind,
            QueryFrequency = fields.Duration("queryFrequency"),
            QueryPeriod = fields.Duration("queryPeriod"),
            TriggerOperator = TriggerOperator(fields),
            TriggerThreshold = fields.Int("triggerThreshold"),
            Tactics = fields.Strings("tactics"),
            RelevantTechniques = fields.Strings("relevantTechniques"),
            Query = fields.String("query"),
            QueryLocation = LocateQuery(fields.Node("query"), text),
            EntityMappings = EntityMappings(fields),
            CustomDetails = CustomDetails(fields),
            AlertDisplayNameFormat = overrides?.String("alertDisplayNameFormat"),
            AlertDescriptionFormat = overrides?.String("alertDescriptionFormat"),
            AggregationKind = grouping?.String("aggregationKind") ?? "SingleAlert",
            IncidentConfiguration = Incident(fields),
            SuppressionEnabled = fields.Bool("suppressionEnabled") ?? false,
            SuppressionDuration = fields.Duration("suppressionDuration"),
            Version = fields.String("version"),
            Fields = fields.Mapping.Children
                .Where(c => c.Key is YamlScalarNode { Value: not null })
                .GroupBy(c => ((YamlScalarNode)c.Key).Value!, StringComparer.Ordinal)
                .ToImmutableDictionary(g => g.Key, g => new RuleField(g.Key, RuleLoader.Position(g.First().Key.Start), g.First().Value), StringComparer.Ordinal),
        };
    }

    private static string? TriggerOperator(FieldReader fields)
    {
        var text = fields.String("triggerOperator");
        if (text is null) return null;
        var normalised = text.Trim().ToLowerInvariant() switch
        {
            "gt" or "greaterthan" => "gt",
            "lt" or "lessthan" => "lt",
            "eq" or "equal" => "eq",
            "ne" or "notequal" => "ne",
            _ => null,
        };
        if (normalised is null)
        {
            fields.Diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.InvalidValue,
                $"triggerOperator: '{text}' is not one of gt, lt, eq, ne (or GreaterThan, LessThan, Equal, NotEqual)", fields.PositionOf("triggerOperator")));
        }
        return normalised;
    }

    private static ImmutableArray<EntityMapping> EntityMappings(FieldReader fields) =>
        fields.Mappings("entityMappings")
            .Select(m => new EntityMapping(
                m.String("entityType") ?? "",
                m.Mappings("fieldMappings")
                    .Select(f => new FieldMapping((f.String("identifier") ?? "").Trim(), (f.String("columnName") ?? "").Trim(), f.Position, f.PositionOf("columnName") ?? f.Position))
                    .ToImmutableArray(),
                m.Position))
            .ToImmutableArray();

    private static ImmutableDictionary<string, string> CustomDetails(FieldReader fields)
    {
        var details = fields.Child("customDetails");
        if (details is null) return ImmutableDictionary<string, string>.Empty;
        var builder = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        foreach (var (key, _) in details.Mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name }) builder[name] = details.String(name) ?? "";
        }
        return builder.ToImmutable();
    }

    private static IncidentConfiguration? Incident(FieldReader fields)
    {
        var incident = fields.Child("incidentConfiguration");
        if (incident is null) return null;
        var grouping = incident.Child("groupingConfiguration");
        return new IncidentConfiguration
        {
            CreateIncident = incident.Bool("createIncident") ?? true,
            GroupingEnabled = grouping?.Bool("enabled") ?? false,
            ReopenClosedIncident = grouping?.Bool("reopenClosedIncident") ?? false,
            LookbackDuration = grouping?.Duration("lookbackDuration"),
            MatchingMethod = grouping?.String("matchingMethod") ?? "AllEntities",
            GroupByEntities = grouping?.Strings("groupByEntities") ?? [],
            GroupByAlertDetails = grouping?.Strings("groupByAlertDetails") ?? [],
            GroupByCustomDetails = grouping?.Strings("groupByCustomDetails") ?? [],
            Position = grouping?.PositionOf("lookbackDuration") ?? incident.Position,
        };
    }

    /// <summary>
    /// In a literal block (<c>query: |</c>) the query's first line is the first non-blank line after the indicator,
    /// and its indentation is stripped from every line; positions map exactly. Other styles map to the value's start.
    /// </summary>
    private static QueryLocation? LocateQuery(YamlNode? node, string text)
    {
        if (node is not YamlScalarNode scalar) return null;
        var start = RuleLoader.Position(scalar.Start);
        if (scalar.Style == ScalarStyle.Literal)
        {
            var lines = text.Split('\n');
            for (var line = start.Line; line < lines.Length; line++) // lines[line] is file line (line + 1)
            {
                var content = lines[line].TrimEnd('\r');
                if (content.Trim().Length == 0) continue;
                var indent = content.Length - content.TrimStart(' ').Length;
                return new QueryLocation(line + 1, indent, IsExact: true);
            }
        }
        var singleLine = scalar.Style == ScalarStyle.Plain && scalar.Value is { } v && !v.Contains('\n');
        return new QueryLocation(start.Line, start.Column - 1, IsExact: singleLine);
    }
}
