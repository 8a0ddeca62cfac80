using System.CommandLine;
using System.Text.Json;
using Detection.Kql.Schemas;
using Detection.Rules.Coverage;
using Detection.Rules.Loading;
using Detection.Rules.Validation;

namespace Detection.Cli.Commands;

internal static class ValidateCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Rule files, or folders searched for *.yaml rules (*.tests.yaml excluded).", Arity = ArgumentArity.OneOrMore };
        var format = new Option<string>("--format") { Description = "text (default): one line a problem, file:line:col: severity code: message; json: one object a file.", DefaultValueFactory = _ => "text" };
        format.AcceptOnlyFromAmong("text", "json");
        var schemas = new Option<string?>("--schemas") { Description = "A folder of extra table schema files (JSON: {\"name\", \"columns\": [{\"name\", \"type\"}]}) for custom tables and watchlists." };
        var coverage = new Option<string?>("--coverage") { Description = "Also rewrite the section between <!-- coverage:begin --> and <!-- coverage:end --> of this Markdown file with the MITRE ATT&CK coverage table (tactic, technique, rules) of the rules read.", HelpName = "FILE" };
        var command = new Command("validate",
            "Check rule files as Sentinel would: the YAML fields (required fields, queryFrequency/queryPeriod ranges, trigger, " +
            "tactics and techniques, entity mappings, custom details, incident grouping), then the KQL query against the table " +
            "schemas (syntax, names of tables, columns and functions, types). Exits 1 when any file has an error.\n\n" +
            "Examples:\n  detect validate detections/\n  detect validate my-rule.yaml --format json --schemas ./schemas\n" +
            "  detect validate detections/ --coverage detections/README.md")
        {
            paths, format, schemas, coverage,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var error = parse.InvocationConfiguration.Error;
            SchemaSet set;
            try
            {
                set = parse.GetValue(schemas) is { } dir ? SchemaSet.Default.WithDirectory(dir) : SchemaSet.Default;
            }
            catch (SchemaFormatException e)
            {
                error.WriteLine($"--schemas: {e.Message}");
                return 2;
            }
            var reports = RuleSetValidator.Validate(parse.GetValue(paths)!, set);
            if (parse.GetValue(format) == "json") WriteJson(reports, output);
            else WriteText(reports, output);
            if (parse.GetValue(coverage) is { } file && !WriteCoverage(parse.GetValue(paths)!, file, error)) return 2;
            return reports.All(r => r.Ok) ? 0 : 1;
        });
        return command;
    }

    /// <summary>Rewrites the coverage section of <paramref name="file"/> from every rule that loads; false (after saying why) when it cannot.</summary>
    private static bool WriteCoverage(IEnumerable<string> paths, string file, TextWriter error)
    {
        string document;
        try
        {
            document = File.ReadAllText(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--coverage: cannot read {file}: {e.Message}");
            return false;
        }
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var rules = RuleLoader.FindRuleFiles(paths).Select(RuleLoader.LoadFile).Where(r => r.Rule is not null).Select(r => r.Rule!);
        var table = AttackCoverage.Table(rules, r => Path.GetRelativePath(folder, Path.GetFullPath(r.File)).Replace('\\', '/'));
        try
        {
            File.WriteAllText(file, AttackCoverage.Rewrite(document, table));
        }
        catch (FormatException e)
        {
            error.WriteLine($"--coverage: {file}: {e.Message}");
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error.WriteLine($"--coverage: cannot write {file}: {e.Message}");
            return false;
        }
        return true;
    }

    private static void WriteText(IReadOnlyList<RuleFileReport> reports, TextWriter output)
    {
        foreach (var report in reports)
        foreach (var d in report.Diagnostics)
            output.WriteLine($"{report.File}:{d.Line}:{d.Column}: {d.Severity.ToString().ToLowerInvariant()} {d.Code}: {d.Message}");
        var failed = reports.Count(r => !r.Ok);
        output.WriteLine($"{reports.Count} rule file(s): {reports.Count - failed} ok, {failed} with errors");
    }

    private static void WriteJson(IReadOnlyList<RuleFileReport> reports, TextWriter output)
    {
        var json = reports.Select(r => new
        {
            file = r.File,
            ruleId = r.RuleId,
            ok = r.Ok,
            diagnostics = r.Diagnostics.Select(d => new { code = d.Code, severity = d.Severity.ToString().ToLowerInvariant(), message = d.Message, line = d.Line, column = d.Column }),
        });
        output.WriteLine(JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
    }
}
