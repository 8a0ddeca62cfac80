using System.CommandLine;
using Detection.Cli.Commands;

namespace Detection.Cli;

/// <summary>The <c>detect</c> command tree. Each command lives in its own file under Commands/.</summary>
public static class DetectCommand
{
    public static RootCommand Build()
    {
        var root = new RootCommand(
            "Detection: a Sentinel-style detection engine for Azure security logs.\n" +
            "Reads Entra ID sign-in and audit logs, Azure activity logs and NSG/VNet flow logs,\n" +
            "runs KQL analytics rules (Sentinel's YAML format) and anomaly models, and turns alerts into incidents.");
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(TestCommand.Create());
        root.Subcommands.Add(QueryCommand.Create());
        root.Subcommands.Add(ReplayCommand.Create());
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(IncidentsCommand.Create());
        root.Subcommands.Add(PlaybooksCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        return root;
    }
}
