using System.Text.Json.Nodes;
using Detection.Incidents;
using Detection.Incidents.Storage;

namespace Detection.Runtime.Replay;

/// <summary>
/// The stable JSON of <c>detect replay --format json</c> (README.md, "Replay output"): events per table, rules with
/// their counts, the alerts new to the store and the incidents created or changed, in a deterministic order.
/// </summary>
public static class ReplayReport
{
    public static JsonObject Build(ReplayResult result, SqliteIncidentStore store)
    {
        var events = new JsonObject();
        foreach (var name in result.Load.RowsByTable.Keys.Concat(result.Tables.Keys).Concat(result.Load.RejectedByTable.Keys).Distinct().Order(StringComparer.Ordinal))
        {
            var stats = result.Tables.GetValueOrDefault(name);
            events[name] = new JsonObject
            {
                ["read"] = result.Load.RowsByTable.GetValueOrDefault(name),
                ["rejected"] = result.Load.RejectedByTable.GetValueOrDefault(name),
                ["late"] = stats?.Late ?? 0,
                ["untimed"] = stats?.Untimed ?? 0,
                ["droppedForBudget"] = stats?.DroppedForBudget ?? 0,
            };
        }
        var rules = new JsonArray();
        foreach (var stats in result.RuleStatistics)
        {
            rules.Add(new JsonObject
            {
                ["id"] = stats.Rule.Id,
                ["name"] = stats.Rule.Name,
                ["file"] = stats.Rule.Rule.File,
                ["runs"] = stats.Runs,
                ["alerts"] = stats.Alerts,
                ["incidents"] = result.Recorder.IncidentsOf(stats.Rule.Id),
                ["errors"] = stats.Errors,
                ["suppressed"] = stats.Suppressed,
                ["degraded"] = stats.Degraded,
                ["lastError"] = stats.LastError,
            });
        }
        var alerts = new JsonArray();
        foreach (var alert in result.Recorder.Alerts)
        {
            var json = IncidentJson.Alert(alert);
            json.Remove("evidenceRows"); // in the store (detect incidents show); too bulky for a run report
            alerts.Add(json);
        }
        var incidents = new JsonArray();
        foreach (var id in result.Recorder.IncidentIds)
        {
            if (store.Get(id) is not { } incident) continue;
            var json = IncidentJson.Incident(incident);
            json["ruleIds"] = new JsonArray(JsonValue.Create(incident.RuleId));
            incidents.Add(json);
        }
        return new JsonObject
        {
            ["range"] = result.Range is { } range ? new JsonObject { ["from"] = Times.Write(range.From), ["to"] = Times.Write(range.To) } : null,
            ["events"] = events,
            ["rejected"] = result.Load.RejectedCount,
            ["rowsAfterRange"] = result.RowsAfterRange,
            ["brokenRules"] = new JsonArray(result.Rules.Problems.Select(p => (JsonNode)new JsonObject
            {
                ["file"] = p.File, ["line"] = p.Line, ["column"] = p.Column, ["code"] = p.Code, ["message"] = p.Message,
            }).ToArray()),
            ["rules"] = rules,
            ["alerts"] = alerts,
            ["incidents"] = incidents,
        };
    }
}
