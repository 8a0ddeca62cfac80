using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var command = new Command("validate",
            "Check rule files: the YAML fields and the KQL query against the table schemas (syntax, names of tables, " +
            "columns and functions, types). Prints each problem with file, line and column; exits 1 on any error.")
        {
            new Argument<string[]>("paths") { Description = "Rule files or folders of *.yaml rules.", Arity = ArgumentArity.OneOrMore },
            new Option<string>("--format") { Description = "text (default) or json." },
            new Option<string>("--schemas") { Description = "A folder of extra table schema files (JSON: {\"name\", \"columns\": [{\"name\", \"type\"}]})." },
        };
        NotAvailableYet.Attach(command, "the KQL parser and binder arrive with the KQL front-end work (issue #3).");
        return command;
    }
}
