using System.CommandLine;

namespace Detection.Cli.Commands;

internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure throughput, latency and memory of the engine on generated data.");
        NotAvailableYet.Attach(command, "end-to-end benchmarks arrive with the rule runtime (issue #5); reader benchmarks are in bench/Detection.Benchmarks.");
        return command;
    }
}
