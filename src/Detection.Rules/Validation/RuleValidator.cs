using System.Text.RegularExpressions;
using Detection.Kql;
using Detection.Kql.Diagnostics;
using Detection.Kql.Schemas;
using Detection.Rules.Model;

namespace Detection.Rules.Validation;

/// <summary>
/// Checks a loaded rule as Sentinel would before saving it — fields, ranges, entity mappings, custom details —
/// then its query with the KQL front end against <see cref="SchemaSet"/>. Query diagnostics are moved to file positions.
/// </summary>
public static partial class RuleValidator
{
    private static readonly TimeSpan MinimumWindow = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan MaximumWindow = TimeSpan.FromDays(14);
    private static readonly string[] Severities = ["Informational", "Low", "Medium", "High"];

    public static IReadOnlyList<RuleDiagnostic> Validate(AnalyticsRule rule, SchemaSet schemas)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var check = new RuleChecks(rule, diagnostics);
        check.Required();
        check.Schedule(MinimumWindow, MaximumWindow);
        check.Classification(Severities, TechniqueId());
        check.Mappings(CustomDetailKey(), Placeholder());
        var query = ValidateQuery(rule, schemas, diagnostics);
        if (query?.Binding?.ResultShape is { } shape && ResultColumns.Of(shape) is { } columns)
            check.ResultColumns(columns);
        return diagnostics;
    }

    private static KqlCode? ValidateQuery(AnalyticsRule rule, SchemaSet schemas, List<RuleDiagnostic> diagnostics)
    {
        if (string.IsNullOrWhiteSpace(rule.Query)) return null;
        var code = KqlCode.ParseAndBind(rule.Query, schemas);
        var location = rule.QueryLocation ?? new QueryLocation(rule.Fields.GetValueOrDefault("query")?.Position.Line ?? 1, 0, false);
        var embedded = new EmbeddedQuery(location.FirstLine, location.Indent);
        foreach (var d in code.Diagnostics)
        {
            // Outside a literal block the query's text is not the file's text: every position maps to the value's start.
            var (line, column) = location.IsExact ? (embedded.ToFile(d).Line, embedded.ToFile(d).Column) : (location.FirstLine, location.Indent + 1);
            diagnostics.Add(new RuleDiagnostic(d.Code, d.Severity, d.Message, line, column));
        }
        return code;
    }

    [GeneratedRegex(@"^T\d{4}(\.\d{3})?$")]
    private static partial Regex TechniqueId();

    [GeneratedRegex(@"^[A-Za-z0-9_]{1,20}$")]
    private static partial Regex CustomDetailKey();

    [GeneratedRegex(@"\{\{\s*([^{}\s]+)\s*\}\}")]
    internal static partial Regex Placeholder();
}
