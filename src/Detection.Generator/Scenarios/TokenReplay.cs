using Detection.Generator.Events;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>
/// A user's session is stolen: after the user's own morning sign-in and refreshes, the same SessionId (and the
/// UniqueTokenIdentifier of the user's last refresh) is used from another country and ASN.
/// </summary>
internal sealed class TokenReplay : IScenario
{
    public string Name => "token-replay";
    public string Description => "Session/token replay: the victim signs in with MFA from the office and refreshes tokens; two to three hours later non-interactive sign-ins with the same sessionId, the first two also with the victim's last uniqueTokenIdentifier, come from a foreign IP, ASN and country.";
    public IReadOnlyList<string> Techniques => ["T1550.001", "T1539"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var factory = new SignInFactory(random);
        var victim = ScenarioTools.Victim(day, random);
        var session = UserSession.For(victim, victim.Desktop, victim.Office, random.NextGuid());
        var t = ScenarioTools.AtLocal(day, victim, 8.75).AddSeconds(random.Between(0.0, 900.0));
        if (t.AddHours(5) >= day.DayStart.AddDays(1)) t = t.AddDays(-1);
        if (t < day.DayStart) t = day.DayStart.AddHours(random.Between(6.0, 8.0));

        day.Emit(factory.Interactive(session, t, Catalog.Office, ErrorCodes.Success, AuthSteps.FreshMfa));
        var lastToken = "";
        for (var i = random.Between(2, 3); i > 0; i--)
        {
            t = t.AddMinutes(random.Between(35, 60));
            var refresh = factory.Refresh(session, t, Catalog.Office);
            lastToken = refresh.UniqueTokenIdentifier;
            day.Emit(refresh);
        }

        var attacker = day.Attackers.Origin(day.DayIndex, ScenarioTools.Slots.TokenReplay, random, p => p.Country != victim.Home.Country);
        var stolen = session.From(attacker, ScenarioTools.AttackerBrowser);
        t = t.AddMinutes(random.Between(60, 120));
        var uses = random.Between(4, 6);
        for (var i = 0; i < uses; i++)
        {
            var app = i % 2 == 0 ? Catalog.Office : Catalog.OfficeSharePoint;
            day.Emit(factory.Refresh(stolen, t, app, i < 2 ? lastToken : null));
            t = t.AddMinutes(random.Between(2, 9));
        }

        entities.Add("accounts", victim.UserPrincipalName)
            .Add("ips", victim.Office.Ip)
            .Add("sessionIds", session.SessionId)
            .Add("uniqueTokenIdentifiers", lastToken)
            .Add("countries", victim.Office.Place.Country)
            .Add("asns", victim.Office.Asn.ToString(System.Globalization.CultureInfo.InvariantCulture));
        ScenarioTools.Sign(entities, attacker);
        entities.Detail("replayedSignIns", uses);
    }
}
