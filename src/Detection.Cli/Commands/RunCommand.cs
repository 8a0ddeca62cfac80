using System.CommandLine;
using Detection.Incidents.Storage;
using Detection.Kql.Schemas;
using Detection.Rules.Loading;
using Detection.Runtime;
using Detection.Service.Hosting;
using Detection.Service.Options;
using Detection.Sources;
using Detection.Sources.Kafka;

namespace Detection.Cli.Commands;

/// <summary>
/// <c>detect run --source URI --rules DIR</c>: the live service (Detection.Service). Exit codes: 0 stopped or completed,
/// 1 failed while running (source or store), 2 usage.
/// </summary>
internal static class RunCommand
{
    private const string Description = """
        Run the engine as a service on a live source, in event time exactly as a replay: rules run when the watermark
        (the slowest partition's latest event time) passes their instants; the wall clock only moves it on through idle
        periods. Offsets are committed only up to the oldest input a window still needs, so a restart (or another
        instance of the consumer group) re-reads what it must and incidents come out the same (their ids are stable).

        Sources: kafka://HOST:PORT[,HOST:PORT]/TOPIC?group=G, eventhubs://NAMESPACE.servicebus.windows.net/HUB?consumerGroup=G
        (connection string from DETECTION_EVENTHUBS_CONNECTION_STRING or &connectionStringVariable=VAR), file://DIR?follow=true,
        a path, or - for standard input.

        Examples:
          detect run --source "eventhubs://contoso.servicebus.windows.net/insights-logs?consumerGroup=detect" --rules detections/ --log-file logs/detect.log --health-port 9464
          detect run --source "kafka://127.0.0.1:9092/logs?group=detect" --rules detections/ --stop-after-idle 15s

        Exit codes: 0 stopped (SIGTERM, Ctrl-C) or completed (--stop-after-idle, a finite source), 1 failed, 2 usage.
        """;

    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "The source URI.", HelpName = "URI", Required = true };
        var rules = new Option<string[]>("--rules", "-r") { Description = "Rule files or folders.", AllowMultipleArgumentsPerToken = true, HelpName = "DIR" };
        var store = new Option<string>("--store") { Description = $"The incident store (SQLite file; created if missing). Default: {SqliteIncidentStore.DefaultFileName}.", HelpName = "FILE" };
        var stopAfterIdle = new Option<string?>("--stop-after-idle") { Description = "End once no message came for this long (e.g. 15s, 2m), after running the remaining windows up to the last event's hour; on Kafka and Event Hubs, counted only while the instance owns partitions.", HelpName = "DURATION" };
        var lateness = new Option<string?>("--allowed-lateness") { Description = "How long a run waits for late events, in event time (default 5m).", HelpName = "DURATION" };
        var nrtInterval = new Option<string?>("--nrt-interval") { Description = "The event time one NRT run covers (default 1s): an event waits for the end of its interval, so a shorter one lowers NRT latency, for more runs.", HelpName = "DURATION" };
        var logFile = new Option<string?>("--log-file") { Description = "Also log to this file as JSON events, rolled daily (the date goes before the extension).", HelpName = "FILE" };
        var healthPort = new Option<int?>("--health-port") { Description = "Serve /health and /metrics on http://127.0.0.1:PORT/ (never another interface).", HelpName = "PORT" };
        var schemas = new Option<string?>("--schemas") { Description = "A folder of table schemas (*.json) that add to or override the embedded ones.", HelpName = "DIR" };
        var parallelism = OptionValues.RuleParallelism();
        var kafka = new Option<string[]>("--kafka-property") { Description = "A librdkafka property KEY=VALUE set last (tuning; never a secret).", AllowMultipleArgumentsPerToken = false, HelpName = "KEY=VALUE" };
        var command = new Command("run", Description) { source, rules, store, stopAfterIdle, lateness, nrtInterval, parallelism, logFile, healthPort, schemas, kafka };
        command.SetAction(parse =>
        {
            var error = parse.InvocationConfiguration.Error;
            var problems = new List<string>();
            SourceUri? uri = null;
            try
            {
                uri = SourceUri.Parse(parse.GetValue(source) ?? "");
            }
            catch (SourceUriException e)
            {
                problems.Add($"--source: {e.Message}");
            }
            var ruleFolders = parse.GetValue(rules) ?? [];
            if (ruleFolders.Length == 0) problems.Add("give the rules with --rules DIR (e.g. --rules detections/)");
            var defaults = new RuntimeOptions();
            var runtime = new RuntimeOptions
            {
                AllowedLateness = OptionValues.Duration(parse.GetValue(lateness), "--allowed-lateness", problems) ?? defaults.AllowedLateness,
                NrtInterval = OptionValues.Duration(parse.GetValue(nrtInterval), "--nrt-interval", problems) ?? defaults.NrtInterval,
                RuleParallelism = OptionValues.Count(parse.GetValue(parallelism), "--rule-parallelism", problems) ?? defaults.RuleParallelism,
            };
            var idle = OptionValues.Duration(parse.GetValue(stopAfterIdle), "--stop-after-idle", problems);
            var overrides = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var pair in parse.GetValue(kafka) ?? [])
            {
                var parts = pair.Split('=', 2);
                if (parts.Length == 2 && parts[0].Length > 0) overrides[parts[0].Trim()] = parts[1].Trim();
                else problems.Add($"--kafka-property must be KEY=VALUE, not '{pair}'");
            }
            try
            {
                if (parse.GetValue(schemas) is { } dir) runtime = runtime with { Schemas = SchemaSet.Default.WithDirectory(dir) };
            }
            catch (SchemaFormatException e)
            {
                problems.Add($"--schemas: {e.Message}");
            }
            LiveOptions? options = null;
            if (problems.Count == 0)
            {
                try
                {
                    options = new LiveOptions
                    {
                        Source = uri!, RulePaths = ruleFolders, StorePath = parse.GetValue(store) ?? SqliteIncidentStore.DefaultFileName,
                        Runtime = runtime, StopAfterIdle = idle, LogFile = parse.GetValue(logFile), HealthPort = parse.GetValue(healthPort),
                        Sources = new SourceSettings { Kafka = new KafkaSourceOptions { Overrides = overrides } },
                    }.Validate();
                }
                catch (ArgumentException e)
                {
                    problems.Add(e.Message);
                }
            }
            if (problems.Count > 0 || options is null)
            {
                foreach (var p in problems) error.WriteLine($"detect run: {p}");
                error.WriteLine("See 'detect run --help'.");
                return 2;
            }
            string?[] secrets = uri is EventHubsSourceUri hub ? [Environment.GetEnvironmentVariable(hub.ConnectionStringVariable)] : [];
            return LiveHost.RunAsync(options, secrets).GetAwaiter().GetResult();
        });
        return command;
    }
}
