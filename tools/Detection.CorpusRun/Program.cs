using System.Diagnostics;
using System.Globalization;
using Detection.Evaluation;
using Detection.Ingestion;
using Detection.Kql;
using Detection.Kql.Schemas;
using Detection.Rules.Loading;

// Detection.CorpusRun --data DIR [--now DATETIME] RULES...: runs each rule query that binds without errors once over
// the loaded data with now() fixed (default: the end of the day of the latest TimeGenerated), one line per rule:
//   ok RULE (N rows, T ms) | fail RULE: reason | skip RULE: first bind error
// then the totals. Exit 1 when a query crashed (an exception other than EvaluationException): a bug, never a gap.
string? dataDir = null;
DateTime? now = null;
var paths = new List<string>();
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--data" && i + 1 < args.Length) dataDir = args[++i];
    else if (args[i] == "--now" && i + 1 < args.Length)
        now = DateTime.Parse(args[++i], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
    else paths.Add(args[i]);
}
if (dataDir is null || paths.Count == 0)
{
    Console.Error.WriteLine("usage: Detection.CorpusRun --data DIR [--now DATETIME] RULES...");
    return 2;
}

var schemas = SchemaSet.Default;
var load = DataLoader.Load([dataDir], new LoadOptions { Schemas = schemas });
Console.WriteLine($"data: {string.Join(", ", load.RowsByTable.OrderBy(t => t.Key, StringComparer.Ordinal).Select(t => $"{t.Key} {t.Value}"))}");
var clock = now ?? DayEnd(load);
Console.WriteLine($"now(): {clock:yyyy-MM-ddTHH:mm:ssZ}");

int files = 0, withQuery = 0, bound = 0, ran = 0, crashed = 0;
var failures = new List<string>();
foreach (var file in RuleLoader.FindRuleFiles(paths).Order(StringComparer.Ordinal))
{
    files++;
    var name = Path.GetRelativePath(Directory.GetCurrentDirectory(), file);
    var rule = RuleLoader.LoadFile(file).Rule;
    if (rule?.Query is not { } query) { Console.WriteLine($"skip {name}: no query"); continue; }
    withQuery++;
    var code = KqlCode.ParseAndBind(query, schemas);
    if (code.Diagnostics.FirstOrDefault(d => d.IsError) is { } error) { Console.WriteLine($"skip {name}: {error.Code} {error.Message}"); continue; }
    bound++;
    var watch = Stopwatch.StartNew();
    try
    {
        var result = KqlEvaluator.Evaluate(code, new EvaluationContext(clock, load.Tables, schemas));
        ran++;
        Console.WriteLine($"ok   {name} ({result.RowCount} rows, {watch.ElapsedMilliseconds} ms)");
    }
    catch (EvaluationException e)
    {
        failures.Add($"{name}: {e.Message}");
        Console.WriteLine($"fail {name}: {e.Message}");
    }
    catch (Exception e)
    {
        crashed++;
        failures.Add($"{name}: CRASH {e.GetType().Name}: {e.Message}");
        Console.WriteLine($"CRASH {name}: {e}");
    }
}
Console.WriteLine();
Console.WriteLine($"{files} rule files, {withQuery} with a query, {bound} bind without errors, {ran} run without a runtime error, {failures.Count} fail ({crashed} crashes)");
foreach (var failure in failures) Console.WriteLine($"  {failure}");
return crashed > 0 ? 1 : 0;

static DateTime DayEnd(LoadResult load)
{
    var latest = DateTime.MinValue;
    foreach (var table in load.Tables.Values)
        if (table.Schema.IndexOf("TimeGenerated") is var index and >= 0)
            foreach (var chunk in table.Chunks)
                for (var row = 0; row < chunk.RowCount; row++)
                    if (chunk.Columns[index].GetValue(row) is DateTime t && t > latest) latest = t;
    return latest == DateTime.MinValue ? DateTime.UtcNow.Date.AddDays(1) : latest.Date.AddDays(1);
}
