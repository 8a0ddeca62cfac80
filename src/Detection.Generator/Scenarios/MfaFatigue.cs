using Detection.Generator.Events;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>Push bombing: the attacker has the password and sends push after push until the user accepts one.</summary>
internal sealed class MfaFatigue : IScenario
{
    public string Name => "mfa-fatigue";
    public string Description => "MFA fatigue: 8-14 sign-ins failing with 500121 and status.additionalDetails 'MFA denied; user declined the authentication', one or two minutes apart from one foreign IP, then a success with MFA completed.";
    public IReadOnlyList<string> Techniques => ["T1621"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var factory = new SignInFactory(random);
        var victim = ScenarioTools.Victim(day, random);
        var origin = day.Attackers.Origin(day.DayIndex, ScenarioTools.Slots.MfaFatigue, random, p => p.Country != victim.Home.Country);
        var t = ScenarioTools.At(day, random, 22 + 5 / 60.0, 15);
        var declined = random.Between(8, 14);
        var session = UserSession.For(victim, ScenarioTools.AttackerBrowser, origin, random.NextGuid());
        for (var i = 0; i < declined; i++)
        {
            day.Emit(factory.Interactive(session, t, Catalog.OfficeHome, ErrorCodes.MfaFailed, AuthSteps.Declined, ErrorCodes.MfaDeclined));
            t = t.AddSeconds(random.Between(50, 110));
        }
        day.Emit(factory.Interactive(session, t, Catalog.OfficeHome, ErrorCodes.Success, AuthSteps.FreshMfa, risk: "medium"));
        entities.Add("accounts", victim.UserPrincipalName);
        ScenarioTools.Sign(entities, origin);
        entities.Detail("declined", declined).Detail("successes", 1);
    }
}
