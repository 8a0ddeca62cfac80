using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class GenerateCommand
{
    public static Command Create()
    {
        var command = new Command("generate", "Generate realistic sample logs with labelled attack scenarios.");
        NotAvailableYet.Attach(command, "being built.");
        return command;
    }
}
