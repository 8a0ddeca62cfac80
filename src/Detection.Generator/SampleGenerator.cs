using Detection.Generator.Background;
using Detection.Generator.Events;
using Detection.Generator.Output;
using Detection.Generator.Randomness;
using Detection.Generator.Records;
using Detection.Generator.Scenarios;
using Detection.Generator.World;

namespace Detection.Generator;

/// <summary>
/// Generates realistic Azure security logs in their wire formats (diagnostic-settings export bodies and NSG/VNet flow
/// log blobs) with labelled attack scenarios, plus <c>labels.json</c> and <c>manifest.json</c>. Deterministic: the
/// same <see cref="GeneratorOptions"/> give the same bytes; nothing reads the clock or a shared random source.
/// Writes into <see cref="GeneratorOptions.OutputDirectory"/> (created if missing), overwriting files of the same
/// names and leaving other files alone. Throws <see cref="ArgumentException"/> for invalid options and lets I/O
/// errors propagate. Safe to call concurrently for different output directories.
/// </summary>
public static class SampleGenerator
{
    private static readonly IReadOnlyList<IBackgroundActivity> Background =
        [new HumanWorkdays(), new WorkloadSignIns(), new DirectoryActivity(), new ResourceChanges(), new NetworkTraffic()];

    public static GenerationSummary Generate(GeneratorOptions options)
    {
        var problems = options.Validate();
        if (problems.Count > 0) throw new ArgumentException(string.Join(Environment.NewLine, problems), nameof(options));

        Directory.CreateDirectory(options.OutputDirectory);
        var root = new Prng(options.Seed);
        var world = WorldModel.Build(root, options.Users);
        var attackers = new AttackerPool(root.Fork("attackers"));
        var days = root.Fork("days");
        var output = root.Fork("output");
        var timeline = new Timeline();
        var rangeStart = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var rangeEnd = rangeStart.AddDays(options.Days);
        var labels = new List<ScenarioLabel>();
        var files = new List<GeneratedFile>();

        for (var d = 0; d < options.Days; d++)
        {
            var dayStart = rangeStart.AddDays(d);
            var context = new DayContext(world, days, attackers, d, dayStart, rangeStart, rangeEnd, timeline.Add);
            foreach (var activity in Background) activity.Generate(context);
            labels.AddRange(ScenarioRunner.Run(context, ScenarioCatalog.All));

            var events = timeline.DrainBefore(dayStart.AddDays(1));
            if (events.Count > 0 && events[0].Time < dayStart)
                throw new InvalidOperationException($"An event at {Wire.Time(events[0].Time)} was produced after its day was written.");
            var day = DateOnly.FromDateTime(dayStart);
            foreach (var category in Categories.ExportCategories)
            {
                var ofCategory = events.Where(e => Categories.Of(e) == category).ToList();
                files.Add(ExportWriter.Write(options.OutputDirectory, day, category, ofCategory, world,
                    output.Fork($"{day:yyyy-MM-dd}/{category}"), options.MaxRecordsPerMessage));
            }
            files.AddRange(FlowLogWriter.Write(options.OutputDirectory, day, events.OfType<FlowTuple>().ToList(),
                output.Fork($"{day:yyyy-MM-dd}/flows")));
        }

        var tables = Categories.ExportCategories.Select(Categories.TableOf).Append(Categories.FlowTable)
            .Select(t => new KeyValuePair<string, long>(t, files.Where(f => f.Table == t).Sum(f => f.Rows)))
            .ToList();
        var summary = new GenerationSummary { Tables = tables, Files = files, ScenarioInstances = labels.Count };
        LabelsWriter.Write(options.OutputDirectory, options, labels);
        ManifestWriter.Write(options.OutputDirectory, options, summary);
        return summary;
    }
}
