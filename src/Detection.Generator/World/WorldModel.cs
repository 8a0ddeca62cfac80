using System.Globalization;
using Detection.Generator.Randomness;

namespace Detection.Generator.World;

/// <summary>
/// Everything the background and the scenarios draw on: the tenant, its people, workloads and Azure estate.
/// Built once from the seed; immutable afterwards.
/// </summary>
internal sealed class WorldModel
{
    public const string Domain = "contoso.com";

    public required Guid TenantId { get; init; }
    public required IReadOnlyList<Person> People { get; init; }
    public required IReadOnlyList<ServicePrincipal> ServicePrincipals { get; init; }
    public required IReadOnlyList<ManagedIdentity> ManagedIdentities { get; init; }
    public required AzureEstate Estate { get; init; }
    public required Guid MsPimServicePrincipalId { get; init; }

    public IEnumerable<Person> Humans => People.Where(p => !p.IsServiceAccount);
    public IEnumerable<Person> Admins => People.Where(p => p.IsAdmin);
    public IEnumerable<Person> NonAdmins => People.Where(p => !p.IsAdmin && !p.IsServiceAccount);
    public IEnumerable<Person> ServiceAccounts => People.Where(p => p.IsServiceAccount);

    public static WorldModel Build(Prng seed, int humans)
    {
        var random = seed.Fork("world");
        var offices = Catalog.Offices.ToDictionary(o => o.Place, o => OfficeEgress(random, o.Place));
        var usedUpns = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var adminCount = Math.Max(3, humans / 10);
        var people = new List<Person>();
        for (var i = 0; i < humans; i++)
        {
            var place = random.PickWeighted(Catalog.Offices, o => o.Weight).Place;
            var first = random.Pick(Catalog.FirstNames);
            var last = random.Pick(Catalog.LastNames);
            var upn = Upn(first, last, usedUpns);
            var isp = random.Pick(Catalog.Isps.Where(x => x.Country == place.Country).ToList());
            var residence = new NetworkOrigin(isp.NextAddress(random), isp.Asn, place);
            people.Add(new Person(i, random.NextGuid(), upn, $"{first} {last}", place, offices[place], residence,
                Desktop(random), Mobile(random), IsAdmin: i < adminCount, IsServiceAccount: false));
        }
        foreach (var (alias, name) in Catalog.ServiceAccounts)
        {
            var place = Catalog.Seattle;
            var server = new Device("", "", "Windows Server 2019", "", "Microsoft.Identity.Client/4.56.0", false, false, "");
            people.Add(new Person(people.Count, random.NextGuid(), $"{alias}@{Domain}", name, place, offices[place], offices[place],
                server, server, IsAdmin: false, IsServiceAccount: true));
        }

        var tenantId = random.NextGuid();
        var estate = AzureEstate.Build(random.Fork("estate"));
        return new WorldModel
        {
            TenantId = tenantId,
            People = people,
            ServicePrincipals = BuildServicePrincipals(random.Fork("service-principals")),
            ManagedIdentities = BuildManagedIdentities(random.Fork("managed-identities"), estate.SubscriptionId),
            Estate = estate,
            MsPimServicePrincipalId = random.NextGuid(),
        };
    }

    private static List<ManagedIdentity> BuildManagedIdentities(Prng random, string sub)
    {
        NetworkOrigin Azure() => new(Catalog.Microsoft.NextAddress(random), Catalog.Microsoft.Asn, Catalog.AzureWestEurope);
        ManagedIdentity Mi(string name, string type, string resourceId, int period, params (string, string)[] resources) =>
            new(name, random.NextGuid(), random.NextGuid(), type, resourceId, Azure(), resources, period);
        return
        [
            Mi("vm-app-01", "SystemAssigned", AzureEstate.Id(sub, "rg-app-prod", "Microsoft.Compute/virtualMachines", "vm-app-01"), 120, Catalog.KeyVault, Catalog.Storage),
            Mi("func-invoice-processor", "SystemAssigned", AzureEstate.Id(sub, "rg-app-prod", "Microsoft.Web/sites", "func-invoice-processor"), 60, Catalog.Storage, Catalog.KeyVault),
            Mi("id-etl-pipeline", "UserAssigned", AzureEstate.Id(sub, "rg-data-prod", "Microsoft.ManagedIdentity/userAssignedIdentities", "id-etl-pipeline"), 90, Catalog.Sql, Catalog.Storage),
            Mi("logic-approvals", "SystemAssigned", AzureEstate.Id(sub, "rg-app-prod", "Microsoft.Logic/workflows", "logic-approvals"), 240, Catalog.Graph),
        ];
    }

    private static List<ServicePrincipal> BuildServicePrincipals(Prng random)
    {
        NetworkOrigin Azure() => new(Catalog.Microsoft.NextAddress(random), Catalog.Microsoft.Asn, Catalog.AzureWestEurope);
        var aws = new Isp(16509, "Amazon", "US", [new IspBlock(3, 208, 239), new IspBlock(18, 204, 215)]);
        var virginia = new Place("Ashburn", "Virginia", "US", 39.0438, -77.4874, TimeSpan.FromHours(-5));
        ServicePrincipal Sp(string name, string credential, NetworkOrigin origin, int period, bool officeHours, params (string, string)[] resources) =>
            new(name, random.NextGuid(), random.NextGuid(), random.NextGuid(), credential, origin, resources, period, officeHours);
        return
        [
            Sp("Terraform-Deploy", "clientSecret", Azure(), 60, true, Catalog.Arm),
            Sp("GitHub-Actions-Prod", "federatedIdentityCredential", Azure(), 30, true, Catalog.Arm),
            Sp("Datadog-Integration", "clientSecret", new NetworkOrigin(aws.NextAddress(random), aws.Asn, virginia), 30, false, Catalog.Arm, Catalog.Graph),
            Sp("Backup-Automation", "certificate", Azure(), 60, false, Catalog.Storage),
            Sp("PowerBI-Refresh", "clientSecret", Azure(), 120, false, Catalog.Sql),
        ];
    }

    private static NetworkOrigin OfficeEgress(Prng random, Place place)
    {
        var isp = Catalog.Isps.First(x => x.Country == place.Country);
        return new NetworkOrigin(isp.NextAddress(random), isp.Asn, place);
    }

    private static string Upn(string first, string last, HashSet<string> used)
    {
        static string Clean(string s) => new(s.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => char.IsAsciiLetter(c)).Select(char.ToLowerInvariant).ToArray());
        var stem = $"{Clean(first)}.{Clean(last)}";
        var upn = $"{stem}@{Domain}";
        for (var n = 2; !used.Add(upn); n++) upn = $"{stem}{n.ToString(CultureInfo.InvariantCulture)}@{Domain}";
        return upn;
    }

    private static Device Desktop(Prng random)
    {
        var id = random.NextGuid().ToString();
        var tag = "LT-" + random.Between(1000, 9999).ToString(CultureInfo.InvariantCulture);
        var roll = random.NextDouble();
        if (roll < 0.6)
            return new Device(id, tag, "Windows 10", "Edge 130.0.0",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.0.0",
                true, true, "Azure AD joined");
        if (roll < 0.8)
            return new Device(id, tag, "Windows 10", "Chrome 130.0.0",
                "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36",
                true, true, "Hybrid Azure AD joined");
        return new Device(id, "MB-" + tag[3..], "MacOs", "Safari 18.0",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.0 Safari/605.1.15",
            true, true, "Azure AD registered");
    }

    private static Device Mobile(Prng random)
    {
        var id = random.NextGuid().ToString();
        return random.Chance(0.55)
            ? new Device(id, "iPhone", "Ios 18.1", "Mobile Safari 18.1",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148", true, true, "Azure AD registered")
            : new Device(id, "Pixel 8", "Android 15", "Chrome Mobile 130.0.0",
                "Mozilla/5.0 (Linux; Android 15; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Mobile Safari/537.36", true, true, "Azure AD registered");
    }
}
