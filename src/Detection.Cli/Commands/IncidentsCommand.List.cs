using System.CommandLine;
using System.Text.Json.Nodes;
using Detection.Incidents;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;

namespace Detection.Cli.Commands;

internal static partial class IncidentsCommand
{
    private static Command List()
    {
        var store = StoreOption();
        var format = FormatOption();
        var status = new Option<string?>("--status") { Description = "Only incidents with this status: New, Active or Closed." };
        var severity = new Option<string?>("--severity") { Description = "Only incidents with this severity: Informational, Low, Medium or High." };
        var limit = new Option<int>("--limit") { Description = "At most this many incidents (default 1000).", DefaultValueFactory = _ => 1000 };
        var command = new Command("list",
            "List incidents, newest first: id (its first 8 characters; show and update accept it), severity, status, owner, alert count, title, last activity.\n\n" +
            "Examples:\n  detect incidents list\n  detect incidents list --status New --severity High --format json --store /var/lib/detect/detection.db")
        {
            store, format, status, severity, limit,
        };
        command.SetAction(parse =>
        {
            if (!TryOption<IncidentStatus>(parse, status, out var s) || !TryOption<Severity>(parse, severity, out var v)) return 2;
            return WithStore(parse, store, incidents =>
            {
                var list = incidents.List(new IncidentQuery(s, v, Math.Max(1, parse.GetValue(limit))));
                var output = parse.InvocationConfiguration.Output;
                if (parse.GetValue(format) == "json")
                    output.WriteLine(new JsonArray(list.Select(i => (JsonNode)IncidentJson.Incident(i)).ToArray()).ToJsonString(IncidentJson.Indented));
                else
                    WriteTable(list, output);
                return 0;
            });
        });
        return command;
    }

    private static void WriteTable(IReadOnlyList<Incident> incidents, TextWriter output)
    {
        if (incidents.Count == 0)
        {
            output.WriteLine("no incidents");
            return;
        }
        string[] header = ["ID", "SEVERITY", "STATUS", "OWNER", "ALERTS", "TITLE", "LAST ACTIVITY"];
        var rows = incidents.Select(i => new[]
        {
            i.Id[..8], i.Severity.ToString(), i.Status.ToString(), i.Owner ?? "-", i.AlertIds.Length.ToString(System.Globalization.CultureInfo.InvariantCulture),
            i.Title.Length > 60 ? i.Title[..59] + "…" : i.Title, Text(i.LastActivityTime),
        }).ToList();
        TextTable.Write(header, rows, output);
    }

    private static string Text(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
