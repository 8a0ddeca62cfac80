using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class TestCommand
{
    public static Command Create()
    {
        var command = new Command("test",
            "Run rule unit tests: each <rule>.tests.yaml beside a rule gives events in and the alerts expected out.")
        {
            new Argument<string[]>("paths") { Description = "Rule files, test files or folders.", Arity = ArgumentArity.OneOrMore },
        };
        NotAvailableYet.Attach(command, "rule tests arrive with the rule runtime (issue #5).");
        return command;
    }
}
