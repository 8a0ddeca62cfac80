using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class PlaybooksCommand
{
    public static Command Create()
    {
        var command = new Command("playbooks", "Playbooks: automated responses to incidents, declared in playbooks/*.yaml.");
        var run = new Command("run", "Consume the incident queue and run the playbooks whose triggers match (dry unless enabled).")
        {
            new Option<string>("--store") { Description = "The incident store holding the queue." },
            new Option<string>("--playbooks") { Description = "The folder of playbook files." },
        };
        NotAvailableYet.Attach(run, "playbooks arrive with the incident and playbook work.");
        command.Subcommands.Add(run);
        return command;
    }
}
