using System.CommandLine;
using System.Globalization;
using Detection.Incidents.Storage;
using Detection.Kql.Schemas;
using Detection.Rules.Loading;
using Detection.Runtime;
using Detection.Runtime.Replay;

namespace Detection.Cli.Commands;

/// <summary>
/// <c>detect replay PATH... --rules DIR</c>: replays logs through the rules in virtual time (Detection.Runtime) into
/// the incident store and prints a per-rule summary and the incidents (or the JSON report). Exit codes: 0 ok (broken
/// rule files are reported and skipped), 2 usage or an unusable store.
/// </summary>
internal static partial class ReplayCommand
{
    private const string Description = """
        Replay logs through the rules in virtual time, as Sentinel would have run them.

        Scheduled rules run at every multiple of their queryFrequency since the Unix epoch within (--from, --to],
        each over the rows with TimeGenerated in [r - queryPeriod, r) with now() = r; NRT rules run on each second of
        event time that has events. Alerts are grouped into incidents in the store (created if missing); replaying
        the same data again changes nothing (ids come from content). Broken rule files are reported and skipped.

        Examples:
          detect replay samples/ --rules detections/
          detect replay exports/2026-11-*/ --rules detections/ --from 2026-11-02T00:00:00Z --to 2026-11-09T00:00:00Z
          detect replay samples/ --rules detections/ --format json --store /tmp/replay.db > report.json

        Exit codes: 0 done, 2 usage (bad options, no data, an unusable store).
        """;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Log files, folders or globs (export bodies, Log Analytics rows, flow logs; .gz too).", Arity = ArgumentArity.OneOrMore };
        var rules = new Option<string[]>("--rules", "-r") { Description = "Rule files or folders (searched recursively for *.yaml; *.tests.yaml excluded).", AllowMultipleArgumentsPerToken = true, HelpName = "DIR" };
        var store = new Option<string>("--store") { Description = $"The incident store (SQLite file; created if missing). Default: {SqliteIncidentStore.DefaultFileName}.", HelpName = "FILE" };
        var from = new Option<string?>("--from") { Description = "Start of the replayed range (default: the first event's time floored to the hour).", HelpName = "DATETIME" };
        var to = new Option<string?>("--to") { Description = "End of the replayed range (default: the hour after the last event).", HelpName = "DATETIME" };
        var format = new Option<string>("--format", "-f") { Description = "text (default) or json (the report: events, rules, alerts, incidents).", HelpName = "text|json" };
        var report = new Option<string?>("--report") { Description = "Also write the JSON report to this file.", HelpName = "FILE" };
        var schemas = new Option<string?>("--schemas") { Description = "A folder of table schemas (*.json) that add to or override the embedded ones.", HelpName = "DIR" };
        var lateness = new Option<string?>("--allowed-lateness") { Description = "How long a run waits for late events, in event time (default 5m).", HelpName = "DURATION" };
        var budget = new Option<string?>("--memory-budget") { Description = "Bytes of retained events, e.g. 2GB (default 4GB); beyond it the oldest go and affected runs are marked Degraded.", HelpName = "SIZE" };
        var timeout = new Option<string?>("--rule-timeout") { Description = "Wall time one query may take before it is cancelled (default 2m).", HelpName = "DURATION" };
        var parallelism = OptionValues.RuleParallelism();
        var rejected = new Option<string?>("--rejected") { Description = "Write every rejected record (file, line, reason) to this file as JSON lines.", HelpName = "FILE" };
        var command = new Command("replay", Description) { paths, rules, store, from, to, format, report, schemas, lateness, budget, timeout, parallelism, rejected };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var problems = new List<string>();
            var ruleFolders = parse.GetValue(rules) ?? [];
            if (ruleFolders.Length == 0) problems.Add("give the rules with --rules DIR (e.g. --rules detections/)");
            var formatText = parse.GetValue(format) ?? "text";
            if (formatText is not ("text" or "json")) problems.Add($"--format must be text or json, not '{formatText}'");
            var fromTime = Time(parse.GetValue(from), "--from", problems);
            var toTime = Time(parse.GetValue(to), "--to", problems);
            var options = new RuntimeOptions
            {
                AllowedLateness = OptionValues.Duration(parse.GetValue(lateness), "--allowed-lateness", problems) ?? new RuntimeOptions().AllowedLateness,
                RuleTimeBudget = OptionValues.Duration(parse.GetValue(timeout), "--rule-timeout", problems) ?? new RuntimeOptions().RuleTimeBudget,
                MemoryBudgetBytes = OptionValues.Size(parse.GetValue(budget), "--memory-budget", problems) ?? new RuntimeOptions().MemoryBudgetBytes,
                RuleParallelism = OptionValues.Count(parse.GetValue(parallelism), "--rule-parallelism", problems) ?? new RuntimeOptions().RuleParallelism,
            };
            if (problems.Count > 0)
            {
                foreach (var p in problems) error.WriteLine($"detect replay: {p}");
                error.WriteLine("See 'detect replay --help'.");
                return 2;
            }
            try
            {
                if (parse.GetValue(schemas) is { } dir) options = options with { Schemas = SchemaSet.Default.WithDirectory(dir) };
            }
            catch (SchemaFormatException e)
            {
                error.WriteLine($"detect replay: --schemas: {e.Message}");
                return 2;
            }
            var request = new ReplayRequest
            {
                DataPaths = parse.GetValue(paths) ?? [], RulePaths = ruleFolders, StorePath = parse.GetValue(store) ?? SqliteIncidentStore.DefaultFileName,
                From = fromTime, To = toTime, Options = options, RejectedFile = parse.GetValue(rejected),
            };
            return Run(request, formatText == "json", parse.GetValue(report), parse.InvocationConfiguration.Output, error);
        });
        return command;
    }

    private static DateTime? Time(string? text, string name, List<string> problems)
    {
        if (text is null) return null;
        if (DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)) return time;
        problems.Add($"{name} must be a date and time such as 2026-11-02T00:00:00Z, not '{text}'");
        return null;
    }
}
