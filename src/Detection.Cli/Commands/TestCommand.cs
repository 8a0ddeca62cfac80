using System.CommandLine;
using System.Text.Json.Nodes;
using Detection.Incidents;
using Detection.Kql.Schemas;
using Detection.Rules.Loading;
using Detection.Runtime;
using Detection.Runtime.Testing;

namespace Detection.Cli.Commands;

/// <summary>
/// <c>detect test PATH...</c>: runs the <c>&lt;rule&gt;.tests.yaml</c> cases through the engine in virtual time
/// (Detection.Runtime.Testing). Exit codes: 0 all passed, 1 a case failed or a tests file is broken, 2 usage.
/// </summary>
internal static class TestCommand
{
    private const string Description = """
        Run rule unit tests: each <rule>.tests.yaml beside a rule lists cases of events in and the alerts expected out.

        A case gives inline Log Analytics rows (Type names the table; $repeat, $every and $arrival shape them) and/or
        data files, an optional range (from, to), and expectations: alerts (exact count), incidents (exact count),
        entities and customDetails that must appear. Cases run in virtual time through the same engine as replay.
        The format is in detections/README.md.

        Examples:
          detect test detections/
          detect test detections/Authentication/PasswordSpray.yaml
          detect test detections/ --format json

        Exit codes: 0 every case passed, 1 a case failed (the message says what differed), 2 usage.
        """;

    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files, tests files or folders (searched for *.tests.yaml).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format", "-f") { Description = "text (default) or json.", HelpName = "text|json" };
        var schemas = new Option<string?>("--schemas") { Description = "A folder of table schemas (*.json) that add to or override the embedded ones.", HelpName = "DIR" };
        var command = new Command("test", Description) { paths, format, schemas };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            var formatText = parse.GetValue(format) ?? "text";
            if (formatText is not ("text" or "json"))
            {
                error.WriteLine($"detect test: --format must be text or json, not '{formatText}'");
                return 2;
            }
            var options = new RuntimeOptions();
            try
            {
                if (parse.GetValue(schemas) is { } dir) options = options with { Schemas = SchemaSet.Default.WithDirectory(dir) };
            }
            catch (SchemaFormatException e)
            {
                error.WriteLine($"detect test: --schemas: {e.Message}");
                return 2;
            }
            var (files, untested, missing) = Find(parse.GetValue(paths) ?? []);
            foreach (var path in missing) error.WriteLine($"detect test: {path}: no such file or folder");
            if (missing.Count > 0) return 2;
            var results = new List<RuleTestResult>();
            var broken = new List<string>();
            foreach (var file in files)
            {
                try
                {
                    results.AddRange(RuleTestRunner.Run(RuleTestReader.Read(file), options));
                }
                catch (FormatException e)
                {
                    broken.Add(e.Message);
                }
            }
            if (formatText == "json") WriteJson(results, broken, untested, output);
            else WriteText(results, broken, untested, output);
            return results.All(r => r.Passed) && broken.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static (List<string> Files, List<string> Untested, List<string> Missing) Find(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var untested = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*" + RuleTestReader.Suffix, SearchOption.AllDirectories).Order(StringComparer.Ordinal));
                untested.AddRange(RuleLoader.FindRuleFiles([path]).Where(r => !File.Exists(TestsFileOf(r))));
            }
            else if (path.EndsWith(RuleTestReader.Suffix, StringComparison.OrdinalIgnoreCase) && File.Exists(path)) files.Add(path);
            else if (File.Exists(path))
            {
                if (File.Exists(TestsFileOf(path))) files.Add(TestsFileOf(path));
                else untested.Add(path);
            }
            else missing.Add(path);
        }
        return (files.Distinct().ToList(), untested, missing);
    }

    private static string TestsFileOf(string rule) => Path.ChangeExtension(rule, null) + RuleTestReader.Suffix;

    private static void WriteText(List<RuleTestResult> results, List<string> broken, List<string> untested, TextWriter output)
    {
        foreach (var r in results)
        {
            output.WriteLine($"{(r.Passed ? "PASS" : "FAIL")}  {r.File}: {r.Case}");
            if (!r.Passed) output.WriteLine($"      {r.Failure}");
        }
        foreach (var b in broken) output.WriteLine($"ERROR {b}");
        foreach (var u in untested) output.WriteLine($"NOTE  {u}: no tests file ({Path.GetFileName(TestsFileOf(u))})");
        output.WriteLine($"{results.Count(r => r.Passed)} passed, {results.Count(r => !r.Passed) + broken.Count} failed");
    }

    private static void WriteJson(List<RuleTestResult> results, List<string> broken, List<string> untested, TextWriter output)
    {
        var json = new JsonObject
        {
            ["passed"] = results.Count(r => r.Passed),
            ["failed"] = results.Count(r => !r.Passed) + broken.Count,
            ["cases"] = new JsonArray(results.Select(r => (JsonNode)new JsonObject
            {
                ["file"] = r.File, ["case"] = r.Case, ["passed"] = r.Passed, ["failure"] = r.Failure, ["alerts"] = r.Alerts, ["incidents"] = r.Incidents,
            }).ToArray()),
            ["brokenFiles"] = IncidentJson.Strings(broken),
            ["untestedRules"] = IncidentJson.Strings(untested),
        };
        output.WriteLine(json.ToJsonString(IncidentJson.Indented));
    }
}
