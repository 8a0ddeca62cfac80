using Detection.Generator.Randomness;

namespace Detection.Generator.World;

/// <summary>
/// Attack source addresses. All come from the documentation ranges of RFC 5737 (192.0.2.0/24, 198.51.100.0/24,
/// 203.0.113.0/24), which the benign background never uses, so an analyst or a test can tell them apart and no real
/// host is implicated. Each (day, slot) gets its own address; after 762 of them the list starts again.
/// </summary>
internal sealed class AttackerPool
{
    public const int SlotsPerDay = 16;
    private readonly List<string> _addresses;

    public AttackerPool(Prng random)
    {
        var all = new List<string>();
        foreach (var net in new[] { "192.0.2", "198.51.100", "203.0.113" })
            for (var host = 1; host <= 254; host++)
                all.Add($"{net}.{host}");
        _addresses = random.Sample(all, all.Count);
    }

    public string Address(int dayIndex, int slot) => _addresses[(dayIndex * SlotsPerDay + slot) % _addresses.Count];

    /// <summary>An attacker origin: a documentation address placed at one of the attack sites.</summary>
    public NetworkOrigin Origin(int dayIndex, int slot, Prng random, Func<Place, bool>? where = null)
    {
        var sites = Catalog.AttackSites.Where(s => where is null || where(s.Place)).ToList();
        var site = random.Pick(sites);
        return new NetworkOrigin(Address(dayIndex, slot), site.Asn, site.Place);
    }
}
