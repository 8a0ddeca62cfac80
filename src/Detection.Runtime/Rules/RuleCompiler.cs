using System.Collections.Immutable;
using Detection.Kql;
using Detection.Kql.Schemas;
using Detection.Kql.Syntax;
using Detection.Rules.Loading;
using Detection.Rules.Model;
using Detection.Rules.Validation;

namespace Detection.Runtime.Rules;

/// <summary>The rules that will run, and the files that will not (each with its first error).</summary>
public sealed record CompiledRuleSet(IReadOnlyList<CompiledRule> Rules, IReadOnlyList<RuleProblem> Problems);

/// <summary>
/// Loads rule files, validates them as <c>detect validate</c> does, and compiles those without errors. A broken rule
/// is reported in <see cref="CompiledRuleSet.Problems"/> and skipped; it never stops the others. Never throws for bad files.
/// </summary>
public static class RuleCompiler
{
    public static CompiledRuleSet Load(IEnumerable<string> paths, SchemaSet schemas)
    {
        var rules = new List<CompiledRule>();
        var problems = new List<RuleProblem>();
        var ids = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var file in RuleLoader.FindRuleFiles(paths))
        {
            if (!File.Exists(file))
            {
                problems.Add(new RuleProblem(file, null, "RULE001", "no such file or folder", 1, 1));
                continue;
            }
            var loaded = RuleLoader.LoadFile(file);
            var diagnostics = loaded.Rule is { } rule ? loaded.Diagnostics.Concat(RuleValidator.Validate(rule, schemas)) : loaded.Diagnostics;
            if (diagnostics.FirstOrDefault(d => d.IsError) is { } error)
            {
                problems.Add(new RuleProblem(file, loaded.Rule?.Id, error.Code, error.Message, error.Line, error.Column));
                continue;
            }
            var compiled = Compile(loaded.Rule!, schemas, rules.Count);
            if (!ids.Add(compiled.Id))
            {
                problems.Add(new RuleProblem(file, compiled.Id, "RULE006", $"id {compiled.Id} is already the id of a loaded rule; this file is skipped", 1, 1));
                continue;
            }
            rules.Add(compiled);
        }
        return new CompiledRuleSet(rules, problems);
    }

    /// <summary>Compiles one rule that has a query; throws <see cref="ArgumentException"/> when the query has errors.</summary>
    public static CompiledRule Compile(AnalyticsRule rule, SchemaSet schemas, int order = 0)
    {
        var code = KqlCode.ParseAndBind(rule.Query ?? throw new ArgumentException($"{rule.File}: the rule has no query"), schemas);
        if (code.Diagnostics.FirstOrDefault(d => d.IsError) is { } error)
            throw new ArgumentException($"{rule.File}: the query has errors: {error}");
        var (tables, all) = TablesRead(code.Syntax, schemas);
        return new CompiledRule(rule, code, tables, all, order);
    }

    private static (ImmutableHashSet<string> Tables, bool All) TablesRead(SyntaxNode query, SchemaSet schemas)
    {
        var tables = ImmutableHashSet.CreateBuilder<string>(StringComparer.Ordinal);
        var all = false;
        foreach (var node in query.DescendantNodesAndSelf())
        {
            if (node.Kind is SyntaxKind.SearchOperator or SyntaxKind.FindOperator) all = true;
            if (node.Kind is SyntaxKind.UnionOperator && node.Nodes().Any(n => n.Kind is SyntaxKind.WildcardName)) all = true;
        }
        foreach (var token in query.DescendantTokens())
        {
            // Identifiers and bracketed names (['SigninLogs']) alike: a word that names a known table may be read.
            var text = token.Text.Trim('[', ']', '\'', '"', '@');
            if (text.Length > 0 && schemas.Table(text) is not null) tables.Add(text);
        }
        return (tables.ToImmutable(), all);
    }
}
