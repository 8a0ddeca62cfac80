using System.Globalization;
using Detection.Incidents.Model;
using Detection.Kql.Schemas;
using Detection.Kql.Symbols;
using Detection.Rules.Loading;
using Detection.Runtime;
using Detection.Runtime.Engine;
using Detection.Runtime.Rules;
using Detection.Tables;
using Detection.Testing;

namespace Detection.Runtime.Tests.Support;

/// <summary>A small table (Events) and rules written as YAML fields, run through a real engine; outcomes collected.</summary>
internal static class Harness
{
    public const string EventsSchema = "TimeGenerated:datetime, User:string, Ip:string, Result:long";

    public static readonly SchemaSet Schemas = SchemaSet.Empty
        .WithTable(TableSymbol.FromTerse("Events", EventsSchema))
        .WithTable(TableSymbol.FromTerse("Other", "TimeGenerated:datetime, Name:string"));

    public static RuntimeOptions Options(TimeSpan? lateness = null) => new()
    {
        Schemas = Schemas,
        AllowedLateness = lateness ?? TimeSpan.Zero,
    };

    /// <summary>
    /// A query that runs for seconds (three hundred operators over a million rows), cancellable between operators: with a
    /// budget of a few hundred milliseconds it times out on any machine, while a small query beside it never does.
    /// </summary>
    public static readonly string SlowQuery =
        "range i from 1 to 1000000 step 1 | extend j = i" + string.Concat(Enumerable.Repeat(" | extend j = j + 1", 300)) + " | summarize sum(j)";

    /// <summary>A time budget far longer than a small query takes, even on a loaded machine, far shorter than <see cref="SlowQuery"/>.</summary>
    public static readonly TimeSpan SlowQueryBudget = TimeSpan.FromMilliseconds(300);

    public static DateTime T(string text) =>
        DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);

    /// <summary>A rule from its query and extra YAML lines (frequency, period, trigger…), with a fixed id from its name.</summary>
    public static CompiledRule Rule(string name, string query, string extra = "queryFrequency: 1h\nqueryPeriod: 1h", int order = 0)
    {
        var yaml = $"""
            id: {Guid.NewGuid()}
            name: {name}
            severity: Medium
            {extra}
            query: |
              {query.Replace("\n", "\n  ")}
            entityMappings:
              - entityType: Account
                fieldMappings:
                  - identifier: FullName
                    columnName: User
            """;
        var loaded = RuleLoader.Load(yaml, name + ".yaml");
        Assert.True(loaded.Rule is not null, string.Join("; ", loaded.Diagnostics));
        return RuleCompiler.Compile(loaded.Rule! with { Id = "rule-" + name }, Schemas, order);
    }

    public static Table Events(params (string Time, string User)[] rows) =>
        InlineTable.Create("Events", EventsSchema, rows.Select(r => new object?[] { r.Time, r.User, "10.0.0.1", 0L }));

    public static Table Events(IEnumerable<(DateTime Time, string User)> rows) =>
        InlineTable.Create("Events", EventsSchema, rows.Select(r => new object?[] { r.Time, r.User, "10.0.0.1", 0L }));

    /// <summary>The YAML of an hourly rule that suppresses itself for 2 hours after alerting.</summary>
    public const string SuppressingHourly = "queryFrequency: 1h\nqueryPeriod: 1h\nsuppressionEnabled: true\nsuppressionDuration: 2h";

    /// <summary>
    /// Replays 00:00–04:00 with one event each hour at :30 (so every run finds one); a <see cref="SuppressingHourly"/>
    /// rule then runs <see cref="SuppressedEveryOtherRun"/>.
    /// </summary>
    public static void ReplayFourHours(DetectionEngine engine)
    {
        engine.Start(T("2026-11-02T00:00:00Z"), T("2026-11-02T04:00:00Z"));
        engine.Ingest(new EventBatch(Events(Enumerable.Range(0, 4).Select(h => (T("2026-11-02T00:30:00Z").AddHours(h), $"u{h}")))));
        engine.Complete();
    }

    public static readonly (DateTime Time, RuleRunStatus Status)[] SuppressedEveryOtherRun =
    [
        (T("2026-11-02T01:00:00Z"), RuleRunStatus.Success), (T("2026-11-02T02:00:00Z"), RuleRunStatus.Suppressed),
        (T("2026-11-02T03:00:00Z"), RuleRunStatus.Success), (T("2026-11-02T04:00:00Z"), RuleRunStatus.Suppressed),
    ];

    /// <summary>An engine over the rules with every outcome collected.</summary>
    public static (DetectionEngine Engine, List<RuleRunOutcome> Outcomes) NewEngine(RuntimeOptions options, params CompiledRule[] rules)
    {
        var engine = new DetectionEngine(rules, options);
        var outcomes = new List<RuleRunOutcome>();
        engine.Outcomes.Subscribe(outcomes.Add);
        return (engine, outcomes);
    }
}
