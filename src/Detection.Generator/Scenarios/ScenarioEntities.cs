namespace Detection.Generator.Scenarios;

/// <summary>
/// The entities of one scenario instance by kind (accounts, ips, attackerIps, asns, countries, sessionIds,
/// uniqueTokenIdentifiers, roles, resources, hosts, ports), plus free-form numeric details. Insertion order is kept.
/// </summary>
internal sealed class ScenarioEntities
{
    private readonly Dictionary<string, List<string>> _byKind = new(StringComparer.Ordinal);
    private readonly List<string> _kinds = [];

    public Dictionary<string, double> Details { get; } = new(StringComparer.Ordinal);

    public ScenarioEntities Add(string kind, string value)
    {
        if (!_byKind.TryGetValue(kind, out var values))
        {
            _byKind[kind] = values = [];
            _kinds.Add(kind);
        }
        if (!values.Contains(value)) values.Add(value);
        return this;
    }

    public ScenarioEntities Add(string kind, IEnumerable<string> values)
    {
        foreach (var v in values) Add(kind, v);
        return this;
    }

    public ScenarioEntities Detail(string name, double value)
    {
        Details[name] = value;
        return this;
    }

    public IEnumerable<(string Kind, IReadOnlyList<string> Values)> All => _kinds.Select(k => (k, (IReadOnlyList<string>)_byKind[k]));
}
