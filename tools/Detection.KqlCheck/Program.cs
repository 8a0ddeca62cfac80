using System.Text.Json;
using Detection.Kql;
using Detection.Kql.Schemas;
using Detection.KqlCheck;

// Detection.KqlCheck [--schemas DIR] PATH...: one JSON line per query, in the official checker's format
//   ({"id","ok","diagnostics":[{"code","official","severity","message","start","length","line","column"}]}).
// Detection.KqlCheck --compare OFFICIAL.jsonl OURS.jsonl: agreement numbers (scripts/kql-conformance.sh).
// Detection.KqlCheck --bench [--schemas DIR] PATH...: median parse+bind time per query.
// Detection.KqlCheck --query TEXT: diagnostics and result columns of one query.
// Detection.KqlCheck --mutate SEED N PATH...: N broken variants of each query, as JSON lines {"id","query"}.
// Detection.KqlCheck [--schemas DIR] --stdin: check JSON lines {"id","query"} (the official checker's --stdin input).
if (args is ["--compare", var officialPath, var oursPath])
{
    var official = Conformance.Read(File.ReadLines(officialPath), ours: false);
    var mine = Conformance.Read(File.ReadLines(oursPath), ours: true);
    return Conformance.Report(official, mine, Console.Out) == 0 ? 0 : 1;
}
if (args is ["--mutate", var seedText, var countText, .. var mutatePaths])
{
    var sources = mutatePaths.SelectMany(p => Directory.Exists(p) ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories) : [p])
        .Where(f => f.EndsWith(".yaml") || f.EndsWith(".yml") || f.EndsWith(".kql"))
        .Order(StringComparer.Ordinal)
        .Select(f => (Id: f, Query: f.EndsWith(".kql") ? File.ReadAllText(f) : QueryExtractor.Extract(File.ReadAllText(f))))
        .Where(q => q.Query is not null)
        .Select(q => (q.Id, q.Query!));
    Mutator.Write(sources, int.Parse(seedText, System.Globalization.CultureInfo.InvariantCulture),
        int.Parse(countText, System.Globalization.CultureInfo.InvariantCulture), Console.Out);
    return 0;
}
var schemas = SchemaSet.Default;
var paths = new List<string>();
string? single = null;
var bench = false;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] == "--bench") { bench = true; continue; }
    if (args[i] == "--schemas" && i + 1 < args.Length) schemas = schemas.WithDirectory(args[++i]);
    else if (args[i] == "--query" && i + 1 < args.Length) single = args[++i];
    else if (args[i] == "--stdin") paths.Add("-");
    else paths.Add(args[i]);
}
if (single is not null)
{
    // --query TEXT: the diagnostics and the result columns of one query, for exploring the binder.
    var one = KqlCode.ParseAndBind(single, schemas);
    foreach (var d in one.Diagnostics) Console.WriteLine($"{d.Code} {d.Span} {d.Message}");
    Console.WriteLine(one.Binding?.ResultShape?.ToString() ?? "(no tabular result)");
    return one.HasErrors ? 1 : 0;
}
if (paths.Count == 0)
{
    Console.Error.WriteLine("usage: Detection.KqlCheck [--schemas DIR] PATH...   (rule .yaml files, .kql files or folders)");
    return 2;
}

if (paths is ["-"])
{
    string? input;
    while ((input = Console.In.ReadLine()) is not null)
    {
        if (input.Trim().Length == 0) continue;
        using var doc = JsonDocument.Parse(input);
        Emit(doc.RootElement.GetProperty("id").GetString()!, doc.RootElement.GetProperty("query").GetString()!);
    }
    return 0;
}

var files = paths.SelectMany(p => Directory.Exists(p)
        ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yaml") || f.EndsWith(".yml") || f.EndsWith(".kql"))
        : [p])
    .Order(StringComparer.Ordinal);
if (bench) return Bench.Run(files, schemas);
foreach (var file in files)
{
    var content = File.ReadAllText(file);
    var query = file.EndsWith(".kql") ? content : QueryExtractor.Extract(content);
    if (query is null) continue;
    Emit(file, query);
}
return 0;

void Emit(string id, string query)
{
    var code = KqlCode.ParseAndBind(query, schemas);
    var line = new
    {
        id,
        ok = !code.HasErrors,
        diagnostics = code.Diagnostics.Select(d => new
        {
            code = d.Code, official = d.OfficialCode, severity = d.Severity.ToString(), message = d.Message,
            start = d.Span.Start, length = d.Span.Length, line = d.Line, column = d.Column,
        }),
    };
    Console.WriteLine(JsonSerializer.Serialize(line));
}
