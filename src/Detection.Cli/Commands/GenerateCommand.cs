using System.CommandLine;
using System.Globalization;
using Detection.Generator;

namespace Detection.Cli.Commands;

internal static class GenerateCommand
{
    public static Command Create()
    {
        var output = new Option<string>("--out")
        {
            Description = "Output folder (created if missing; files of the same names are overwritten).",
            Required = true,
        };
        var days = new Option<int>("--days") { Description = "Number of days to generate (1-366).", DefaultValueFactory = _ => 1 };
        var users = new Option<int>("--users") { Description = "Number of people in the tenant (10-100000); two service accounts are added.", DefaultValueFactory = _ => 50 };
        var seed = new Option<ulong>("--seed") { Description = "Random seed: the same arguments always give the same bytes.", DefaultValueFactory = _ => 1UL };
        var start = new Option<string>("--start")
        {
            Description = "First day, YYYY-MM-DD (UTC). A fixed default, never today's date.",
            DefaultValueFactory = _ => GeneratorOptions.DefaultStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var command = new Command("generate",
            "Generate realistic Azure security logs in their wire formats with labelled attack scenarios.\n" +
            "Writes eventhub/<day>/<Category>.jsonl (one Event Hubs message body {\"records\":[...]} per line) for SignInLogs,\n" +
            "NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs, ManagedIdentitySignInLogs, AuditLogs and Administrative;\n" +
            "flowlogs/.../PT1H.json blobs (NSG flow logs v2 and VNet flow logs); labels.json (scenarios, entities, time windows)\n" +
            "and manifest.json (rows per Log Analytics table).")
        {
            output, days, users, seed, start,
        };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var startText = parse.GetValue(start)!;
            if (!GeneratorOptions.TryParseStart(startText, out var startDay))
            {
                error.WriteLine($"--start: '{startText}' is not a date in the form YYYY-MM-DD.");
                return 1;
            }
            var options = new GeneratorOptions
            {
                OutputDirectory = parse.GetValue(output)!,
                Days = parse.GetValue(days),
                Users = parse.GetValue(users),
                Seed = parse.GetValue(seed),
                Start = startDay,
            };
            var problems = options.Validate();
            if (problems.Count > 0)
            {
                foreach (var problem in problems) error.WriteLine(problem);
                return 1;
            }

            GenerationSummary summary;
            try
            {
                summary = SampleGenerator.Generate(options);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                error.WriteLine($"--out: cannot write to '{options.OutputDirectory}': {e.Message}");
                return 1;
            }
            var outWriter = parse.InvocationConfiguration.Output;
            outWriter.WriteLine($"Wrote {summary.Files.Count} files ({summary.TotalBytes:N0} bytes) to {options.OutputDirectory}");
            foreach (var (table, rows) in summary.Tables) outWriter.WriteLine($"  {table,-34} {rows,10:N0} rows");
            outWriter.WriteLine($"  {summary.ScenarioInstances} labelled scenario instances in labels.json; counts in manifest.json");
            return 0;
        });
        return command;
    }
}
