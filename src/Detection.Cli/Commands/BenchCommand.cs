using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Runtime;
using Detection.Generator;
using Detection.Incidents.Storage;
using Detection.Ingestion;
using Detection.Kql.Schemas;
using Detection.Runtime;
using Detection.Runtime.Engine;
using Detection.Runtime.Output;
using Detection.Runtime.Replay;
using Detection.Runtime.Rules;

namespace Detection.Cli.Commands;

/// <summary>
/// <c>detect bench</c>: end-to-end replay throughput and memory on generated data — generate (or reuse) a data folder,
/// load it, replay it through the rules into a scratch store — each phase timed separately (wall time, this machine).
/// Component micro-benchmarks are in bench/Detection.Benchmarks (BenchmarkDotNet).
/// </summary>
internal static class BenchCommand
{
    private const string Description = """
        Measure replay throughput and memory on generated data: generate (or reuse) --data, load it, replay it through
        --rules into a scratch store. Prints rows, seconds and rows/s per phase, peak memory, and the slowest rules.
        Numbers are wall time on this machine: compare runs made together, not across machines.

        Examples:
          detect bench --rules detections/ --days 1 --users 50
          detect bench --rules detections/ --days 7 --users 50000 --data /tmp/bench-week
        """;

    public static Command Create()
    {
        var rules = new Option<string[]>("--rules", "-r") { Description = "Rule files or folders.", AllowMultipleArgumentsPerToken = true, HelpName = "DIR" };
        var data = new Option<string?>("--data") { Description = "The data folder: reused when it has a manifest.json, else generated there (default: a folder under the temp directory named after the settings).", HelpName = "DIR" };
        var days = new Option<int>("--days") { Description = "Days to generate (default 1).", DefaultValueFactory = _ => 1 };
        var users = new Option<int>("--users") { Description = "People to generate (default 50).", DefaultValueFactory = _ => 50 };
        var seed = new Option<ulong>("--seed") { Description = "Generator seed (default 1).", DefaultValueFactory = _ => 1UL };
        var repeat = new Option<int>("--repeat") { Description = "Replays of the loaded data, each with freshly loaded rules; the median is reported (default 1).", DefaultValueFactory = _ => 1 };
        var command = new Command("bench", Description) { rules, data, days, users, seed, repeat };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var ruleFolders = parse.GetValue(rules) ?? [];
            if (ruleFolders.Length == 0)
            {
                error.WriteLine("detect bench: give the rules with --rules DIR (e.g. --rules detections/)");
                return 2;
            }
            var (d, u, s) = (parse.GetValue(days), parse.GetValue(users), parse.GetValue(seed));
            var folder = parse.GetValue(data) ?? Path.Combine(Path.GetTempPath(), $"detect-bench-{d}d-{u}u-{s}");
            if (parse.GetValue(repeat) is var times && times < 1)
            {
                error.WriteLine($"detect bench: --repeat must be at least 1 (got {times})");
                return 2;
            }
            return Run(ruleFolders, folder, new GeneratorOptions { OutputDirectory = folder, Days = d, Users = u, Seed = s }, times, output);
        });
        return command;
    }

    private static int Run(string[] ruleFolders, string folder, GeneratorOptions generate, int repeat, TextWriter output)
    {
        var clock = Stopwatch.StartNew();
        if (!File.Exists(Path.Combine(folder, "manifest.json")))
        {
            SampleGenerator.Generate(generate);
            output.WriteLine($"generated {folder} in {clock.Elapsed.TotalSeconds:0.0} s");
        }
        else output.WriteLine($"reusing {folder}");

        clock.Restart();
        var load = DataLoader.Load([folder], new LoadOptions());
        var loadTime = clock.Elapsed;
        output.WriteLine(Line("load", load.TotalRows, loadTime) + $"  ({load.FilesRead} files, {load.RejectedCount} rejected, {Bytes(load.Tables.Values.Sum(t => t.EstimatedBytes))} in tables)");
        var times = new List<TimeSpan>();
        for (var i = 0; i < repeat; i++)
        {
            if (repeat > 1) output.WriteLine($"-- replay {i + 1} of {repeat}");
            times.Add(Replay(ruleFolders, load, loadTime, output));
        }
        if (repeat > 1)
        {
            times.Sort();
            var median = times[times.Count / 2];
            output.WriteLine(Line("replay median", load.TotalRows, median) + string.Create(CultureInfo.InvariantCulture,
                $"  (of {repeat}: {times[0].TotalSeconds:0.00} - {times[^1].TotalSeconds:0.00} s)"));
        }
        return 0;
    }

    /// <summary>One replay of the loaded data through freshly loaded rules (nothing remembered from an earlier replay); its time.</summary>
    private static TimeSpan Replay(string[] ruleFolders, LoadResult load, TimeSpan loadTime, TextWriter output)
    {
        var rules = RuleCompiler.Load(ruleFolders, SchemaSet.Default);
        var rows = load.TotalRows;
        var storePath = Path.Combine(Path.GetTempPath(), $"detect-bench-{Guid.NewGuid():N}.db");
        TimeSpan replayTime;
        try
        {
            using var store = SqliteIncidentStore.Open(storePath);
            var recorder = new IncidentRecorder(store);
            using var engine = new DetectionEngine(rules.Rules, new RuntimeOptions());
            using var subscription = engine.Outcomes.Subscribe(recorder);
            var gcBefore = GcFigures.Now();
            var cpuBefore = ProcessorTimes.Now();
            var jitBefore = (Time: JitInfo.GetCompilationTime(), Methods: JitInfo.GetCompiledMethodCount());
            var clock = Stopwatch.StartNew();
            var feeder = new ReplayFeeder(load.Tables.Values);
            if (feeder.First is { } first)
                feeder.Run(engine, ReplayRange.For(first, feeder.Last!.Value), ReplayJob.Step(rules.Rules));
            recorder.Flush();
            replayTime = clock.Elapsed;
            var (replayCpu, replayKernel) = ProcessorTimes.Now().Since(cpuBefore);
            output.WriteLine(Line("replay", rows, replayTime) + $"  ({rules.Rules.Count} rules, {engine.RuleStatistics.Sum(r => r.Runs):N0} runs, {recorder.Alerts.Count:N0} alerts, {recorder.IncidentIds.Count:N0} incidents, {engine.RuleStatistics.Sum(r => r.Errors)} errors)");
            output.WriteLine(Line("load + replay", rows, loadTime + replayTime));
            // Processor time is less sensitive than wall time to other jobs on the machine: compare it between builds.
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay CPU: {replayCpu.TotalSeconds:0.00} s on {Environment.ProcessorCount} cores ({replayCpu / replayTime:0.00} busy on average), {replayKernel.TotalSeconds:0.00} s of it in the kernel"));
            output.WriteLine($"replay GC: {GcFigures.Now().Since(gcBefore)}");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"replay JIT: {JitInfo.GetCompiledMethodCount() - jitBefore.Methods:N0} methods compiled in {(JitInfo.GetCompilationTime() - jitBefore.Time).TotalSeconds:0.00} s"));
            using var process = Process.GetCurrentProcess();
            output.WriteLine($"peak working set {Bytes(process.PeakWorkingSet64)}; managed heap now {Bytes(GC.GetTotalMemory(false))}");
            output.WriteLine("slowest rules:");
            foreach (var rule in engine.RuleStatistics.OrderByDescending(r => r.Time).Take(8))
                output.WriteLine($"  {rule.Time.TotalSeconds,8:0.00} s  {rule.Runs,6:N0} runs  {rule.Rule.Memo.Reused,9:N0} chunks reused, {rule.Rule.Memo.Computed,7:N0} computed  {rule.Rule.Name}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(storePath) + "*")) File.Delete(file);
        }
        return replayTime;
    }

    /// <summary>The process's processor time, all of it and the part spent in the kernel (page faults, reads).</summary>
    private readonly record struct ProcessorTimes(TimeSpan Total, TimeSpan Kernel)
    {
        public static ProcessorTimes Now()
        {
            using var process = Process.GetCurrentProcess();
            return new(process.TotalProcessorTime, process.PrivilegedProcessorTime);
        }

        public (TimeSpan Total, TimeSpan Kernel) Since(ProcessorTimes before) => (Total - before.Total, Kernel - before.Kernel);
    }

    /// <summary>What the garbage collector did: pause time, collections per generation, bytes allocated.</summary>
    private readonly record struct GcFigures(TimeSpan Paused, int Gen0, int Gen1, int Gen2, long Allocated)
    {
        public static GcFigures Now() => new(GC.GetTotalPauseDuration(), GC.CollectionCount(0), GC.CollectionCount(1),
            GC.CollectionCount(2), GC.GetTotalAllocatedBytes());

        public string Since(GcFigures before) => string.Create(CultureInfo.InvariantCulture,
            $"{(Paused - before.Paused).TotalSeconds:0.00} s paused, collections gen0 {Gen0 - before.Gen0:N0} / gen1 {Gen1 - before.Gen1:N0} / gen2 {Gen2 - before.Gen2:N0}, {Bytes(Allocated - before.Allocated)} allocated");
    }

    private static string Line(string phase, long rows, TimeSpan time) =>
        string.Create(CultureInfo.InvariantCulture, $"{phase,-14} {rows,12:N0} rows  {time.TotalSeconds,8:0.00} s  {rows / Math.Max(time.TotalSeconds, 1e-9),12:N0} rows/s");

    private static string Bytes(long bytes) => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1048576.0:N0} MiB");
}
