using System.CommandLine;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;

namespace Detection.Cli.Commands;

internal static partial class IncidentsCommand
{
    private static Command Update()
    {
        var store = StoreOption();
        var id = new Argument<string>("id") { Description = "The incident's id, or a unique prefix of it (at least 4 characters)." };
        var status = new Option<string?>("--status") { Description = "New, Active or Closed. Closing requires --classification." };
        var classification = new Option<string?>("--classification") { Description = "TruePositive, BenignPositive, FalsePositive or Undetermined; only when closing." };
        var owner = new Option<string?>("--owner") { Description = "Assign the incident (an empty value unassigns it)." };
        var comment = new Option<string?>("--comment") { Description = "Add a comment." };
        var author = new Option<string>("--author") { Description = "The comment's author (default: analyst).", DefaultValueFactory = _ => "analyst" };
        var label = new Option<string[]>("--label") { Description = "Add a label (repeatable).", AllowMultipleArgumentsPerToken = false };
        var command = new Command("update",
            "Change an incident's status, classification or owner, add labels or a comment. Every change is recorded in the\n" +
            "incident's timeline and put on the outbox (the queue playbooks consume) in the same transaction.\n" +
            "Exits 1 when the incident is not found or the change is refused (closing without a classification).\n\n" +
            "Examples:\n  detect incidents update 3f2a9c1e --status Active --owner ann@contoso.com\n" +
            "  detect incidents update 3f2a9c1e --status Closed --classification FalsePositive --comment \"test account\"")
        {
            id, store, status, classification, owner, comment, author, label,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            if (!TryOption<IncidentStatus>(parse, status, out var s) || !TryOption<IncidentClassification>(parse, classification, out var c)) return 2;
            var update = new IncidentUpdate
            {
                Status = s,
                Classification = c,
                Owner = parse.GetValue(owner),
                Comment = parse.GetValue(comment),
                Author = parse.GetValue(author) is { Length: > 0 } a ? a : "analyst",
                AddLabels = [.. parse.GetValue(label) ?? []],
            };
            if (update.IsEmpty)
            {
                error.WriteLine("nothing to update: give --status, --classification, --owner, --label or --comment");
                return 2;
            }
            return WithStore(parse, store, incidents =>
            {
                var result = incidents.Update(parse.GetValue(id)!, update);
                var output = parse.InvocationConfiguration.Output;
                switch (result.Outcome)
                {
                    case UpdateOutcome.NotFound:
                        error.WriteLine($"no incident '{parse.GetValue(id)}' (or the prefix is ambiguous)");
                        return 1;
                    case UpdateOutcome.Invalid:
                        error.WriteLine($"incident {result.Incident!.Id}: {result.Error}");
                        return 1;
                    case UpdateOutcome.Unchanged:
                        output.WriteLine($"incident {result.Incident!.Id}: nothing changed");
                        return 0;
                    default:
                        var i = result.Incident!;
                        output.WriteLine($"incident {i.Id}: {i.Status}{(i.Classification is { } k ? $" ({k})" : "")}, owner {i.Owner ?? "-"}, version {i.Version}");
                        return 0;
                }
            });
        });
        return command;
    }
}
