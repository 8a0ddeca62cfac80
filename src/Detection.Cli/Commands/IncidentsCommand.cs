using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class IncidentsCommand
{
    public static Command Create()
    {
        var command = new Command("incidents", "The analyst's view of the incident store: list, show and update incidents.");
        foreach (var (name, description) in new[]
                 {
                     ("list", "List incidents, newest first, with severity, status, owner and alert count."),
                     ("show", "Show one incident: its alerts, entities, evidence events and comments."),
                     ("update", "Change an incident's status, owner or classification, or add a comment."),
                 })
        {
            var sub = new Command(name, description)
            {
                new Option<string>("--store") { Description = "The incident store (a SQLite file by default)." },
            };
            NotAvailableYet.Attach(sub, "the incident store arrives with the rule runtime (issue #5).");
            command.Subcommands.Add(sub);
        }
        return command;
    }
}
