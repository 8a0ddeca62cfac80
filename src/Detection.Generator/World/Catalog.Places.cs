namespace Detection.Generator.World;

/// <summary>Static facts the world is drawn from. Coordinates are city centres; offsets are the standard (November) ones.</summary>
internal static partial class Catalog
{
    public static readonly Place Seattle = new("Seattle", "Washington", "US", 47.6062, -122.3321, TimeSpan.FromHours(-8));
    public static readonly Place NewYork = new("New York", "New York", "US", 40.7128, -74.0060, TimeSpan.FromHours(-5));
    public static readonly Place London = new("London", "England", "GB", 51.5072, -0.1276, TimeSpan.Zero);
    public static readonly Place Dublin = new("Dublin", "Leinster", "IE", 53.3498, -6.2603, TimeSpan.Zero);
    public static readonly Place Berlin = new("Berlin", "Berlin", "DE", 52.5200, 13.4050, TimeSpan.FromHours(1));
    public static readonly Place Bengaluru = new("Bengaluru", "Karnataka", "IN", 12.9716, 77.5946, TimeSpan.FromHours(5.5));

    /// <summary>The company's offices and the share of staff in each.</summary>
    public static readonly IReadOnlyList<(Place Place, double Weight)> Offices =
    [
        (Seattle, 30), (NewYork, 15), (London, 20), (Dublin, 8), (Berlin, 15), (Bengaluru, 12),
    ];

    /// <summary>Consumer and business ISPs per country (AS numbers are the real operators').</summary>
    public static readonly IReadOnlyList<Isp> Isps =
    [
        new(7922, "Comcast", "US", [new(73, 0, 255), new(98, 192, 255)]),
        new(701, "Verizon", "US", [new(71, 160, 191), new(108, 0, 63)]),
        new(7018, "AT&T", "US", [new(99, 0, 127), new(107, 192, 223)]),
        new(2856, "British Telecom", "GB", [new(86, 128, 191), new(81, 128, 159)]),
        new(5089, "Virgin Media", "GB", [new(82, 0, 47)]),
        new(5466, "Eir", "IE", [new(86, 40, 47)]),
        new(15502, "Vodafone Ireland", "IE", [new(89, 19, 19), new(89, 100, 101)]),
        new(3320, "Deutsche Telekom", "DE", [new(79, 192, 255), new(87, 128, 191), new(93, 192, 255)]),
        new(3209, "Vodafone Germany", "DE", [new(88, 64, 79)]),
        new(24560, "Bharti Airtel", "IN", [new(122, 160, 183), new(106, 192, 223)]),
        new(55836, "Reliance Jio", "IN", [new(49, 32, 47), new(157, 32, 51)]),
    ];

    /// <summary>Microsoft's own network, where Azure-hosted workloads sign in from.</summary>
    public static readonly Isp Microsoft = new(8075, "Microsoft", "NL", [new(20, 50, 61), new(40, 114, 119), new(52, 136, 159)]);

    public static readonly Place AzureWestEurope = new("Amsterdam", "Noord-Holland", "NL", 52.3676, 4.9041, TimeSpan.FromHours(1));

    /// <summary>
    /// Where attacks come from: hosting providers and consumer networks abroad. Attack addresses are always drawn from
    /// the documentation ranges (RFC 5737), so no real host is implicated; see <see cref="AttackerPool"/>.
    /// </summary>
    public static readonly IReadOnlyList<(Place Place, int Asn, string Operator)> AttackSites =
    [
        (new("Amsterdam", "Noord-Holland", "NL", 52.3676, 4.9041, TimeSpan.FromHours(1)), 14061, "DigitalOcean"),
        (new("Bucharest", "Bucuresti", "RO", 44.4268, 26.1025, TimeSpan.FromHours(2)), 9009, "M247"),
        (new("Singapore", "Singapore", "SG", 1.3521, 103.8198, TimeSpan.FromHours(8)), 20473, "The Constant Company"),
        (new("Sao Paulo", "Sao Paulo", "BR", -23.5505, -46.6333, TimeSpan.FromHours(-3)), 20473, "The Constant Company"),
        (new("Lagos", "Lagos", "NG", 6.5244, 3.3792, TimeSpan.FromHours(1)), 37148, "Globacom"),
        (new("Moscow", "Moscow", "RU", 55.7558, 37.6173, TimeSpan.FromHours(3)), 9123, "TimeWeb"),
        (new("Ho Chi Minh City", "Ho Chi Minh", "VN", 10.8231, 106.6297, TimeSpan.FromHours(7)), 7552, "Viettel"),
        (new("Falkenstein", "Saxony", "DE", 50.4779, 12.3713, TimeSpan.FromHours(1)), 24940, "Hetzner"),
    ];

    /// <summary>Public destinations of ordinary outbound traffic (Microsoft, CDNs) as (first octet, second octet range).</summary>
    public static readonly IReadOnlyList<IspBlock> WebDestinations =
    [
        new(20, 38, 60), new(40, 64, 127), new(52, 96, 127), new(13, 64, 107), new(151, 101, 101), new(104, 16, 31), new(23, 32, 67),
    ];

    /// <summary>Ports that internet background scanners knock on (one or two each).</summary>
    public static readonly IReadOnlyList<int> ScannerPorts =
    [
        22, 23, 25, 80, 81, 135, 139, 445, 1433, 2375, 3306, 3389, 5060, 5432, 5900, 5985, 6379, 8080, 8081, 8443, 8888, 9200, 27017,
    ];
}
