using Detection.Generator.Events;
using Detection.Generator.Randomness;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>Shared bits of the scenarios: attacker devices, victim choice, attacker address slots.</summary>
internal static class ScenarioTools
{
    /// <summary>Attacker address slots per day (see <see cref="AttackerPool"/>); one per scenario that needs one.</summary>
    public static class Slots
    {
        public const int Spray = 0, BruteForce = 1, MfaFatigue = 2, TokenReplay = 3, ImpossibleTravel = 4, PortScan = 5, ManagementPort = 6;
    }

    public static readonly Device AttackerBrowser = new("", "", "Windows 10", "Chrome 129.0.0",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/129.0.0.0 Safari/537.36", false, false, "");

    public static readonly Device AttackerScript = new("", "", "Linux", "Python Requests 2.32",
        "python-requests/2.32.3", false, false, "");

    public static Prng Random(DayContext day, IScenario scenario) => day.Random($"scenario/{scenario.Name}");

    public static Person Victim(DayContext day, Prng random) => random.Pick(day.World.NonAdmins.ToList());

    public static Person Admin(DayContext day, Prng random) => random.Pick(day.World.Admins.ToList());

    /// <summary>A UTC instant on this day: <paramref name="hour"/> plus up to <paramref name="jitterMinutes"/>.</summary>
    public static DateTime At(DayContext day, Prng random, double hour, double jitterMinutes) =>
        day.DayStart.AddHours(hour).AddMinutes(random.Between(0, jitterMinutes));

    /// <summary>A UTC instant on this day at <paramref name="localHour"/> in <paramref name="p"/>'s time zone (the local day that puts it inside this UTC day).</summary>
    public static DateTime AtLocal(DayContext day, Person p, double localHour)
    {
        var t = day.DayStart.AddHours(localHour) - p.Home.UtcOffset;
        if (t < day.DayStart) t = t.AddDays(1);
        if (t >= day.DayStart.AddDays(1)) t = t.AddDays(-1);
        return t;
    }

    public static void Sign(ScenarioEntities e, NetworkOrigin attacker) => e
        .Add("ips", attacker.Ip).Add("attackerIps", attacker.Ip)
        .Add("asns", attacker.Asn.ToString(System.Globalization.CultureInfo.InvariantCulture))
        .Add("countries", attacker.Place.Country);
}
