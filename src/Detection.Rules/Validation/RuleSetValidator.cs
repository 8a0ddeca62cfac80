using Detection.Kql.Schemas;
using Detection.Rules.Loading;

namespace Detection.Rules.Validation;

/// <summary>Validates every rule file under some paths; one broken file never stops the others.</summary>
public static class RuleSetValidator
{
    public static IReadOnlyList<RuleFileReport> Validate(IEnumerable<string> paths, SchemaSet schemas)
    {
        var reports = new List<RuleFileReport>();
        var firstFileById = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in RuleLoader.FindRuleFiles(paths))
        {
            if (!File.Exists(file))
            {
                reports.Add(new RuleFileReport(file, null, [RuleDiagnostics.Make(RuleDiagnostics.InvalidYaml, "no such file or folder", null)]));
                continue;
            }
            var loaded = RuleLoader.LoadFile(file);
            var diagnostics = new List<RuleDiagnostic>(loaded.Diagnostics);
            if (loaded.Rule is { } rule)
            {
                diagnostics.AddRange(RuleValidator.Validate(rule, schemas));
                if (rule.Id is { } id && !firstFileById.TryAdd(id, file))
                    diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.DuplicateId, $"id {id} is also the id of {firstFileById[id]}", rule.Fields.GetValueOrDefault("id")?.Position));
            }
            reports.Add(new RuleFileReport(file, loaded.Rule?.Id, diagnostics.OrderBy(d => d.Line).ThenBy(d => d.Column).ToList()));
        }
        return reports;
    }
}
