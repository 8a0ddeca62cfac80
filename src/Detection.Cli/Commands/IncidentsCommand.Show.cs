using System.CommandLine;
using System.Text.Json.Nodes;
using Detection.Incidents;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;

namespace Detection.Cli.Commands;

internal static partial class IncidentsCommand
{
    private static Command Show()
    {
        var store = StoreOption();
        var format = FormatOption();
        var id = new Argument<string>("id") { Description = "The incident's id, or a unique prefix of it (at least 4 characters)." };
        var command = new Command("show",
            "Show one incident: its details, alerts (time, severity, name, entities), entities, evidence event keys, comments and timeline.\n\n" +
            "Example:\n  detect incidents show 3f2a9c1e")
        {
            id, store, format,
        };
        command.SetAction(parse => WithStore(parse, store, incidents =>
        {
            var incident = incidents.Get(parse.GetValue(id)!);
            if (incident is null)
            {
                parse.InvocationConfiguration.Error.WriteLine($"no incident '{parse.GetValue(id)}' (or the prefix is ambiguous)");
                return 1;
            }
            var alerts = incidents.Alerts(incident.Id);
            var comments = incidents.Comments(incident.Id);
            var timeline = incidents.Timeline(incident.Id);
            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(format) == "json")
            {
                var json = IncidentJson.Incident(incident);
                json["alerts"] = new JsonArray(alerts.Select(a => (JsonNode)IncidentJson.Alert(a)).ToArray());
                json["comments"] = new JsonArray(comments.Select(c => (JsonNode)new JsonObject { ["time"] = Times.Write(c.Time), ["author"] = c.Author, ["text"] = c.Text }).ToArray());
                json["timeline"] = new JsonArray(timeline.Select(t => (JsonNode)new JsonObject { ["time"] = Times.Write(t.Time), ["kind"] = t.Kind, ["detail"] = t.Detail }).ToArray());
                output.WriteLine(json.ToJsonString(IncidentJson.Indented));
            }
            else
            {
                WriteIncident(incident, alerts, comments, timeline, output);
            }
            return 0;
        }));
        return command;
    }

    private static void WriteIncident(Incident incident, IReadOnlyList<Alert> alerts, IReadOnlyList<Comment> comments, IReadOnlyList<TimelineEntry> timeline, TextWriter output)
    {
        output.WriteLine($"Incident {incident.Id}");
        output.WriteLine($"  Title:          {incident.Title}");
        output.WriteLine($"  Severity:       {incident.Severity}");
        output.WriteLine($"  Status:         {incident.Status}{(incident.Classification is { } c ? $" ({c})" : "")}");
        output.WriteLine($"  Owner:          {incident.Owner ?? "-"}");
        output.WriteLine($"  Rule:           {incident.RuleName} ({incident.RuleId})");
        output.WriteLine($"  Created:        {Text(incident.CreatedTime)}");
        output.WriteLine($"  Last modified:  {Text(incident.LastModifiedTime)}");
        output.WriteLine($"  Activity:       {Text(incident.FirstActivityTime)} .. {Text(incident.LastActivityTime)}");
        if (incident.Labels.Length > 0) output.WriteLine($"  Labels:         {string.Join(", ", incident.Labels)}");
        if (incident.Description.Length > 0) output.WriteLine($"  Description:    {incident.Description}");

        output.WriteLine();
        output.WriteLine($"Alerts ({alerts.Count}):");
        foreach (var alert in alerts)
        {
            output.WriteLine($"  {Text(alert.Time)}  {alert.Severity,-13}  {alert.DisplayName}  [{alert.Id[..8]}, {alert.RowCount} row(s)]");
            if (alert.Entities.Length > 0) output.WriteLine($"    entities: {string.Join("; ", alert.Entities)}");
            foreach (var (name, values) in alert.CustomDetails) output.WriteLine($"    {name}: {string.Join(", ", values)}");
        }

        output.WriteLine();
        output.WriteLine($"Entities ({incident.Entities.Length}):");
        foreach (var entity in incident.Entities) output.WriteLine($"  {entity}");

        output.WriteLine();
        output.WriteLine("Evidence (event keys, then the first rows):");
        foreach (var alert in alerts.Where(a => a.EvidenceKeys.Length > 0))
        {
            output.WriteLine($"  {alert.Id[..8]}: {string.Join(", ", alert.EvidenceKeys)}{(alert.RowCount > alert.EvidenceKeys.Length ? $" (+{alert.RowCount - alert.EvidenceKeys.Length} more rows)" : "")}");
            foreach (var row in alert.EvidenceRows) output.WriteLine($"    {(row.Length > 200 ? row[..199] + "…" : row)}");
        }

        output.WriteLine();
        output.WriteLine($"Comments ({comments.Count}):");
        foreach (var comment in comments) output.WriteLine($"  {Text(comment.Time)}  {comment.Author}: {comment.Text}");

        output.WriteLine();
        output.WriteLine("Timeline:");
        foreach (var entry in timeline) output.WriteLine($"  {Text(entry.Time)}  {entry.Kind,-14}  {entry.Detail}");
    }
}
