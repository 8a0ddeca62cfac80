using Detection.Generator.Events;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>Two successful interactive sign-ins of one account, thousands of kilometres apart, half an hour apart.</summary>
internal sealed class ImpossibleTravel : IScenario
{
    public string Name => "impossible-travel";
    public string Description => "Impossible travel: a successful sign-in from the victim's office, then 25-40 minutes later a successful sign-in (MFA completed) from a city more than 5,000 km away, followed by token refreshes there.";
    public IReadOnlyList<string> Techniques => ["T1078.004"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var factory = new SignInFactory(random);
        var victim = ScenarioTools.Victim(day, random);
        var t = ScenarioTools.AtLocal(day, victim, 10.0).AddSeconds(random.Between(0.0, 1800.0));
        if (t.AddHours(2) >= day.DayStart.AddDays(1)) t = day.DayStart.AddHours(random.Between(9.0, 12.0));

        var home = UserSession.For(victim, victim.Desktop, victim.Office, random.NextGuid());
        day.Emit(factory.Interactive(home, t, Catalog.OfficeHome, ErrorCodes.Success, AuthSteps.SingleSignOn));

        var far = day.Attackers.Origin(day.DayIndex, ScenarioTools.Slots.ImpossibleTravel, random, p => p.DistanceKm(victim.Office.Place) > 5000);
        var minutes = random.Between(25, 40);
        t = t.AddMinutes(minutes);
        var away = UserSession.For(victim, ScenarioTools.AttackerBrowser, far, random.NextGuid());
        day.Emit(factory.Interactive(away, t, Catalog.OfficeHome, ErrorCodes.Success, AuthSteps.FreshMfa, risk: "low"));
        for (var i = random.Between(1, 3); i > 0; i--)
        {
            t = t.AddMinutes(random.Between(3, 15));
            day.Emit(factory.Refresh(away, t, Catalog.Office));
        }

        entities.Add("accounts", victim.UserPrincipalName)
            .Add("ips", victim.Office.Ip)
            .Add("countries", victim.Office.Place.Country)
            .Add("asns", victim.Office.Asn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ScenarioTools.Sign(entities, far);
        entities.Detail("minutesBetween", minutes).Detail("distanceKm", Math.Round(far.Place.DistanceKm(victim.Office.Place)));
    }
}
