using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Detection.Evaluation;
using Detection.Ingestion;
using Detection.Kql;
using Detection.Kql.Schemas;
using Detection.Rules.Loading;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Benchmarks;

/// <summary>
/// <c>-- rule-stages RULE.yaml DATA [--at T] [--runs N]</c>: where one rule's run spends its time. The query is cut after
/// each of its tabular lets (<c>let x = …; x | count</c>) and each cut is evaluated N times at the instant T over DATA's
/// rows of [T − queryPeriod, T), held as the engine holds a window (hourly pieces of the loaded chunks, the row-local
/// results remembered and the string ids shared, so every run after the first is a steady hourly run). A stage's cost is
/// the difference between its line and the one before. Best and median of the N runs, on a machine whose other jobs
/// make single runs vary by half.
/// </summary>
internal static partial class RuleStages
{
    public static int Run(string[] args)
    {
        if (args.Length < 2)
        {
            Console.Error.WriteLine("usage: rule-stages RULE.yaml DATA [--at 2026-11-03T15:00:00Z] [--runs 10]");
            return 2;
        }
        var rule = RuleLoader.LoadFile(args[0]).Rule;
        if (rule?.Query is not { } query)
        {
            Console.Error.WriteLine($"{args[0]}: no rule with a query");
            return 2;
        }
        var runs = Evaluator.EvaluatorTiming.Option(args, "--runs") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 10;
        var period = rule.QueryPeriod ?? TimeSpan.FromHours(5);
        var load = DataLoader.Load([args[1]], new LoadOptions());
        var hours = HourlyPieces(load.Tables);
        var at = Evaluator.EvaluatorTiming.Option(args, "--at") is { } t
            ? DateTime.Parse(t, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : hours.Values.SelectMany(h => h.Keys).Max().AddHours(1);
        var window = hours.ToDictionary(h => h.Key, h => new Table(load.Tables[h.Key].Schema,
            h.Value.Where(p => p.Key >= at - period && p.Key < at).SelectMany(p => p.Value).ToArray()));
        Console.WriteLine($"// {rule.Name}: window [{at - period:u}, {at:u}), {window.Values.Sum(w => w.RowCount):N0} rows; {runs} runs a cut");
        // detect runs the server collector without DATAS; this process has what DOTNET_gcServer and
        // DOTNET_GCDynamicAdaptationMode say, and allocation-heavy stages cost twice as much under the workstation one.
        Console.WriteLine($"// garbage collector: {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation (detect uses server: DOTNET_gcServer=1 DOTNET_GCDynamicAdaptationMode=0)")}");
        Console.WriteLine($"{"cut after",-24} {"rows",12} {"chunks",7} {"best ms",9} {"median ms",10}");
        var strings = new StringIds();
        foreach (var (name, text) in Cuts(query))
        {
            var code = KqlCode.ParseAndBind($"{text}\n| count", SchemaSet.Default);
            if (code.HasErrors) continue; // a scalar let: nothing to count
            var context = new EvaluationContext(at, window, SchemaSet.Default) { ChunkMemo = new ChunkMemo(), StringIds = strings };
            var rows = Count(KqlEvaluator.Evaluate(code, context)); // the first run fills the memo
            var times = new List<double>();
            for (var i = 0; i < runs; i++)
            {
                var watch = Stopwatch.StartNew();
                KqlEvaluator.Evaluate(code, context);
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
            times.Sort();
            var chunks = KqlEvaluator.Evaluate(KqlCode.ParseAndBind(text, SchemaSet.Default), context).Chunks.Length;
            Console.WriteLine($"{name,-24} {rows,12:N0} {chunks,7:N0} {times[0],9:F1} {times[times.Count / 2],10:F1}");
        }
        return 0;
    }

    /// <summary>The query cut after each top-level let (ending in the let's name), then the whole query.</summary>
    private static IEnumerable<(string Name, string Text)> Cuts(string query)
    {
        foreach (Match let in LetStatement().Matches(query))
        {
            var end = query.IndexOf(';', let.Index);
            var next = let.NextMatch();
            if (end < 0 || (next.Success && next.Index < end)) continue;
            yield return (let.Groups[1].Value, $"{query[..(end + 1)]}\n{let.Groups[1].Value}");
        }
        yield return ("(the whole query)", query);
    }

    private static long Count(Table result) => (long)result.Chunks[0][0].GetValue(0)!;

    /// <summary>Each timed table's rows as pieces by hour of TimeGenerated, each piece sharing its chunk's dictionaries.</summary>
    private static Dictionary<string, SortedDictionary<DateTime, List<Chunk>>> HourlyPieces(IReadOnlyDictionary<string, Table> tables)
    {
        var pieces = new Dictionary<string, SortedDictionary<DateTime, List<Chunk>>>();
        foreach (var (name, table) in tables)
        {
            var time = table.Schema.IndexOf("TimeGenerated");
            if (time < 0) continue;
            var byHour = pieces[name] = [];
            foreach (var chunk in table.Chunks)
            {
                var times = (PrimitiveColumn<DateTime>)chunk.Columns[time];
                var rows = Enumerable.Range(0, chunk.RowCount).Where(i => !times.IsNull(i)).OrderBy(i => times.Get(i)).ToArray();
                foreach (var hour in rows.GroupBy(i => new DateTime(times.Get(i).Ticks / TimeSpan.TicksPerHour * TimeSpan.TicksPerHour, DateTimeKind.Utc)))
                {
                    if (!byHour.TryGetValue(hour.Key, out var list)) byHour[hour.Key] = list = [];
                    list.Add(chunk.Gather(hour.ToArray()));
                }
            }
        }
        return pieces;
    }

    [GeneratedRegex(@"^let\s+(\w+)\s*=", RegexOptions.Multiline)]
    private static partial Regex LetStatement();
}
