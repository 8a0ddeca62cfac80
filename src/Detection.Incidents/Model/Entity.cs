using System.Collections.Immutable;

namespace Detection.Incidents.Model;

/// <summary>
/// A Sentinel entity: its type (Account, IP, Host, …) and identifier values, as mapped from a result row.
/// Two entities are the same when their <see cref="Key"/>s are equal: type and identifiers compared case-insensitively.
/// </summary>
public sealed record Entity
{
    public Entity(string type, ImmutableSortedDictionary<string, string> properties)
    {
        Type = type;
        Properties = properties;
        Key = type.ToLowerInvariant() + "|" + string.Join("|", properties.Select(p => p.Key.ToLowerInvariant() + "=" + p.Value.ToLowerInvariant()));
    }

    public string Type { get; }

    /// <summary>Identifier → value, ordered by identifier name (ordinal).</summary>
    public ImmutableSortedDictionary<string, string> Properties { get; }

    /// <summary>The canonical, lower-cased identity of the entity, used for deduplication and grouping.</summary>
    public string Key { get; }

    public bool Equals(Entity? other) => other is not null && other.Key == Key;

    public override int GetHashCode() => Key.GetHashCode(StringComparison.Ordinal);

    /// <summary>A short human form: <c>Account(FullName=alice@contoso.com)</c>.</summary>
    public override string ToString() => $"{Type}({string.Join(", ", Properties.Select(p => $"{p.Key}={p.Value}"))})";
}
