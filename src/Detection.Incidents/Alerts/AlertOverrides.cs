using System.Collections.Immutable;
using System.Text.Json;
using System.Text.RegularExpressions;
using Detection.Incidents.Model;
using Detection.Rules.Model;
using YamlDotNet.RepresentationModel;

namespace Detection.Incidents.Alerts;

/// <summary>
/// The rule's <c>alertDetailsOverride</c>: name and description formats with <c>{{column}}</c> placeholders, and the
/// columns that override severity, tactics and techniques. Placeholders naming no column are left as written.
/// </summary>
internal sealed partial class AlertOverrides
{
    private readonly AnalyticsRule _rule;
    private readonly string? _severityColumn;
    private readonly string? _tacticsColumn;
    private readonly string? _techniquesColumn;

    public AlertOverrides(AnalyticsRule rule)
    {
        _rule = rule;
        var node = rule.Fields.TryGetValue("alertDetailsOverride", out var field) ? field.Node as YamlMappingNode : null;
        _severityColumn = Scalar(node, "alertSeverityColumnName");
        _tacticsColumn = Scalar(node, "alertTacticsColumnName");
        _techniquesColumn = Scalar(node, "alertTechniquesColumnName");
    }

    public string Name(ResultValues values, int? row)
    {
        var name = Fill(_rule.AlertDisplayNameFormat, values, row);
        name = string.IsNullOrWhiteSpace(name) ? _rule.Name ?? _rule.Id ?? "" : name;
        return name.Length > 256 ? name[..256] : name; // Sentinel's limit on an alert name
    }

    public string Description(ResultValues values, int? row) =>
        Fill(_rule.AlertDescriptionFormat, values, row) is { Length: > 0 } d ? d : _rule.Description ?? "";

    public Severity Severity(ResultValues values, int? row) =>
        row is { } r && _severityColumn is not null && Enums.TryParse<Severity>(values.Text(r, values.Column(_severityColumn)), out var s)
            ? s
            : Enums.SeverityOrDefault(_rule.Severity);

    public ImmutableArray<string> Tactics(ResultValues values, int? row) => List(values, row, _tacticsColumn) ?? _rule.Tactics;

    public ImmutableArray<string> Techniques(ResultValues values, int? row) => List(values, row, _techniquesColumn) ?? _rule.RelevantTechniques;

    private static string Fill(string? format, ResultValues values, int? row)
    {
        if (string.IsNullOrEmpty(format)) return "";
        return Placeholder().Replace(format, m =>
        {
            var column = values.Column(m.Groups[1].Value.Trim());
            if (column < 0) return m.Value;
            return row is { } r ? values.Text(r, column) : "";
        });
    }

    /// <summary>A column holding a JSON array or a comma-separated list; null (use the rule's) when absent or empty.</summary>
    private static ImmutableArray<string>? List(ResultValues values, int? row, string? columnName)
    {
        if (row is not { } r || columnName is null) return null;
        var text = values.Text(r, values.Column(columnName)).Trim();
        if (text.Length == 0) return null;
        IEnumerable<string> items;
        try
        {
            items = text.StartsWith('[') ? JsonSerializer.Deserialize<string[]>(text) ?? [] : text.Split(',');
        }
        catch (JsonException)
        {
            items = text.Split(',');
        }
        var list = items.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToImmutableArray();
        return list.IsEmpty ? null : list;
    }

    private static string? Scalar(YamlMappingNode? node, string key) =>
        node is not null && node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } v } ? v.Trim() : null;

    [GeneratedRegex(@"\{\{\s*([^{}]+?)\s*\}\}")]
    private static partial Regex Placeholder();
}
