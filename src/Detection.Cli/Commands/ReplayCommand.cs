using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class ReplayCommand
{
    public static Command Create()
    {
        var command = new Command("replay",
            "Replay logs in virtual time through the rules: scheduled rules run at their Sentinel instants, driven by the " +
            "events' own timestamps. Prints alerts and incidents per rule and stores incidents in the embedded SQLite store.")
        {
            new Argument<string[]>("paths") { Description = "Log files, folders or globs (export bodies, Log Analytics rows, flow logs; .gz too).", Arity = ArgumentArity.OneOrMore },
            new Option<string>("--rules") { Description = "The folder of rule files." },
            new Option<string>("--format") { Description = "text (default) or json." },
            new Option<string>("--report") { Description = "Write the replay report to this file." },
        };
        NotAvailableYet.Attach(command, "replay arrives with the rule runtime (issue #5).");
        return command;
    }
}
