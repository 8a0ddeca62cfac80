using System.Collections.Immutable;
using Detection.Incidents.Model;
using Detection.Rules.Model;

namespace Detection.Incidents.Alerts;

/// <summary>
/// Maps result rows to entities by the rule's entity mappings, as Sentinel does: each mapping gives one entity per row
/// from its identifier columns; identifiers whose value is empty are left out, and a mapping with no value left gives no
/// entity. Entities are deduplicated by <see cref="Entity.Key"/> (case-insensitive), at most <see cref="MaxEntities"/>.
/// </summary>
internal sealed class EntityMapper
{
    /// <summary>Sentinel keeps at most 500 entities on an alert.</summary>
    public const int MaxEntities = 500;

    private readonly (string Type, (string Identifier, int Column)[] Fields)[] _mappings;
    private readonly ResultValues _values;

    public EntityMapper(AnalyticsRule rule, ResultValues values)
    {
        _values = values;
        _mappings = rule.EntityMappings
            .Where(m => m.EntityType.Length > 0)
            .Select(m => (m.EntityType, m.FieldMappings
                .Where(f => f.Identifier.Length > 0)
                .Select(f => (f.Identifier, values.Column(f.ColumnName)))
                .Where(f => f.Item2 >= 0)
                .ToArray()))
            .ToArray();
    }

    public ImmutableArray<Entity> Map(IEnumerable<int> rows)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var entities = ImmutableArray.CreateBuilder<Entity>();
        foreach (var row in rows)
        foreach (var (type, fields) in _mappings)
        {
            var properties = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
            foreach (var (identifier, column) in fields)
            {
                var value = _values.Text(row, column).Trim();
                if (value.Length > 0) properties[identifier] = value;
            }
            if (properties.Count == 0) continue;
            var entity = new Entity(type, properties.ToImmutable());
            if (seen.Add(entity.Key)) entities.Add(entity);
            if (entities.Count == MaxEntities) return entities.ToImmutable();
        }
        return entities.ToImmutable();
    }
}
