using Detection.Incidents.Storage;

namespace Detection.Service.Tests.Support;

/// <summary>What a store holds, for comparing runs: incident ids and alert ids, sorted.</summary>
internal static class Stores
{
    public static (List<string> Incidents, List<string> Alerts) Ids(string path)
    {
        using var store = SqliteIncidentStore.Open(path, create: false);
        var incidents = store.List(new IncidentQuery(Limit: 100_000)).ToList();
        var alerts = incidents.SelectMany(i => i.AlertIds).Order(StringComparer.Ordinal).ToList();
        return (incidents.Select(i => i.Id).Order(StringComparer.Ordinal).ToList(), alerts);
    }

    /// <summary>The incidents of <paramref name="path"/> whose ids are not in <paramref name="other"/>: rule, title, alerts with entities.</summary>
    public static IEnumerable<string> Describe(string path, IEnumerable<string> other)
    {
        using var store = SqliteIncidentStore.Open(path, create: false);
        var known = other.ToHashSet(StringComparer.Ordinal);
        foreach (var incident in store.List(new IncidentQuery(Limit: 100_000)).Where(i => !known.Contains(i.Id)))
            yield return $"{incident.Id} {incident.Title}: " + string.Join("; ", store.Alerts(incident.Id).Select(a =>
                $"{a.Id} at {a.Time:o} rows {a.RowCount} entities {string.Join(",", a.Entities.Select(e => e.Key))} details {string.Join(",", a.CustomDetails.Select(d => d.Key + "=" + string.Join("|", d.Value)))}"));
    }
}
