using Detection.Incidents.Model;
using Detection.Rules.Model;

namespace Detection.Incidents.Grouping;

/// <summary>
/// The grouping key of an alert under a rule's incident configuration: alerts join the same incident only when their
/// keys are equal. Entity identifiers and custom detail values compare case-insensitively; sets are order-free. Pure and thread-safe.
/// </summary>
public static class MatchKeys
{
    public static string For(IncidentConfiguration? config, Alert alert)
    {
        if (config is not { GroupingEnabled: true }) return "alert:" + alert.Id;
        var method = config.MatchingMethod.Trim();
        if (method.Equals("AnyAlert", StringComparison.OrdinalIgnoreCase)) return "AnyAlert";
        if (method.Equals("Selected", StringComparison.OrdinalIgnoreCase)) return "Selected:" + ContentIds.Hash(Selected(config, alert));
        return "AllEntities:" + ContentIds.Hash(Set(alert.Entities.Select(e => e.Key)));
    }

    private static string Selected(IncidentConfiguration config, Alert alert)
    {
        var parts = new List<string>();
        foreach (var type in config.GroupByEntities.Select(t => t.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
            parts.Add("entity " + type.ToLowerInvariant() + "=" + Set(alert.Entities.Where(e => e.Type.Equals(type, StringComparison.OrdinalIgnoreCase)).Select(e => e.Key)));
        foreach (var detail in config.GroupByAlertDetails.Select(d => d.Trim()).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase))
            parts.Add("detail " + detail.ToLowerInvariant() + "=" + AlertDetail(alert, detail));
        foreach (var name in config.GroupByCustomDetails.Select(d => d.Trim()).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
            parts.Add("custom " + name + "=" + Set(alert.CustomDetails.TryGetValue(name, out var values) ? values.Select(v => v.ToLowerInvariant()) : []));
        return string.Join('\u001e', parts);
    }

    private static string AlertDetail(Alert alert, string detail) => detail.ToLowerInvariant() switch
    {
        "displayname" => alert.DisplayName.ToLowerInvariant(),
        "severity" => alert.Severity.ToString(),
        "description" => alert.Description.ToLowerInvariant(),
        _ => "",
    };

    private static string Set(IEnumerable<string> items) => string.Join('\u001f', items.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}
