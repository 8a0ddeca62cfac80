using System.CommandLine;

namespace Detection.Cli.Commands;

/// <summary>The action of a command whose implementation arrives with a later piece of work: says so and exits 2.</summary>
internal static class NotAvailableYet
{
    public const int ExitCode = 2;

    public static void Attach(Command command, string what)
    {
        command.SetAction(parse =>
        {
            parse.InvocationConfiguration.Error.WriteLine($"not available yet: detect {command.Name} — {what}");
            return ExitCode;
        });
    }
}
