using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class QueryCommand
{
    public static Command Create()
    {
        var command = new Command("query", "Run one KQL query over log files.")
        {
            new Argument<string>("kql") { Description = "The query." },
            new Option<string[]>("--data") { Description = "Files, folders or globs.", AllowMultipleArgumentsPerToken = true },
        };
        NotAvailableYet.Attach(command, "being built.");
        return command;
    }
}
