using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Nodes;
using Detection.Incidents.Model;

namespace Detection.Incidents;

/// <summary>
/// The stable JSON shapes of incidents, alerts and entities: used by the outbox payload and <c>detect incidents --format json</c>.
/// Property names are camelCase; times are ISO 8601 UTC (<see cref="Times.Format"/>); enums are their names. Pure and thread-safe;
/// the Read… methods throw <see cref="System.Text.Json.JsonException"/> or <see cref="InvalidOperationException"/> on text they did not write.
/// </summary>
public static class IncidentJson
{
    public static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static JsonObject Incident(Incident incident) => new()
    {
        ["id"] = incident.Id,
        ["version"] = incident.Version,
        ["ruleId"] = incident.RuleId,
        ["ruleName"] = incident.RuleName,
        ["title"] = incident.Title,
        ["description"] = incident.Description,
        ["severity"] = incident.Severity.ToString(),
        ["status"] = incident.Status.ToString(),
        ["classification"] = incident.Classification?.ToString(),
        ["owner"] = incident.Owner,
        ["createdTime"] = Times.Write(incident.CreatedTime),
        ["lastModifiedTime"] = Times.Write(incident.LastModifiedTime),
        ["firstActivityTime"] = Times.Write(incident.FirstActivityTime),
        ["lastActivityTime"] = Times.Write(incident.LastActivityTime),
        ["alertCount"] = incident.AlertIds.Length,
        ["alertIds"] = Strings(incident.AlertIds),
        ["labels"] = Strings(incident.Labels),
        ["entities"] = Entities(incident.Entities),
    };

    public static JsonObject Alert(Alert alert) => new()
    {
        ["id"] = alert.Id,
        ["ruleId"] = alert.RuleId,
        ["ruleName"] = alert.RuleName,
        ["displayName"] = alert.DisplayName,
        ["description"] = alert.Description,
        ["severity"] = alert.Severity.ToString(),
        ["time"] = Times.Write(alert.Time),
        ["startTime"] = Times.Write(alert.StartTime),
        ["endTime"] = Times.Write(alert.EndTime),
        ["rowCount"] = alert.RowCount,
        ["tactics"] = Strings(alert.Tactics),
        ["techniques"] = Strings(alert.Techniques),
        ["entities"] = Entities(alert.Entities),
        ["customDetails"] = CustomDetails(alert.CustomDetails),
        ["evidenceKeys"] = Strings(alert.EvidenceKeys),
        ["evidenceRows"] = new JsonArray(alert.EvidenceRows.Select(r => JsonNode.Parse(r)).ToArray()),
    };

    public static JsonArray Entities(IEnumerable<Entity> entities) => new(entities.Select(e => (JsonNode)Entity(e)).ToArray());

    public static JsonObject Entity(Entity entity) => new()
    {
        ["type"] = entity.Type,
        ["properties"] = new JsonObject(entity.Properties.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
    };

    public static JsonArray Strings(IEnumerable<string> items) => new(items.Select(i => (JsonNode)JsonValue.Create(i)).ToArray());

    public static JsonObject CustomDetails(ImmutableSortedDictionary<string, ImmutableArray<string>> details) =>
        new(details.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)Strings(d.Value))));

    public static ImmutableArray<Entity> ReadEntities(string json) =>
        (JsonNode.Parse(json)?.AsArray() ?? []).Select(n => ReadEntity(n!)).ToImmutableArray();

    public static Entity ReadEntity(JsonNode node) => new(
        node["type"]!.GetValue<string>(),
        node["properties"]!.AsObject().ToImmutableSortedDictionary(p => p.Key, p => p.Value!.GetValue<string>(), StringComparer.Ordinal));

    public static ImmutableArray<string> ReadStrings(string json) =>
        (JsonNode.Parse(json)?.AsArray() ?? []).Select(n => n!.GetValue<string>()).ToImmutableArray();

    public static ImmutableSortedDictionary<string, ImmutableArray<string>> ReadCustomDetails(string json) =>
        (JsonNode.Parse(json)?.AsObject() ?? [])
            .ToImmutableSortedDictionary(p => p.Key, p => p.Value!.AsArray().Select(n => n!.GetValue<string>()).ToImmutableArray(), StringComparer.Ordinal);
}
