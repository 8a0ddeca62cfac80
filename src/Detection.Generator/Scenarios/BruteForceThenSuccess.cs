using Detection.Generator.Events;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>Many wrong passwords on one account from one address, then the right one.</summary>
internal sealed class BruteForceThenSuccess : IScenario
{
    public string Name => "brute-force-then-success";
    public string Description => "Brute force: 25-40 failed sign-ins (50126) on one account from one IP within about 20 minutes, then a successful single-factor sign-in (0) from the same IP.";
    public IReadOnlyList<string> Techniques => ["T1110.001", "T1078.004"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var factory = new SignInFactory(random);
        var victim = ScenarioTools.Victim(day, random);
        var origin = day.Attackers.Origin(day.DayIndex, ScenarioTools.Slots.BruteForce, random);
        var t = ScenarioTools.At(day, random, 4 + 20 / 60.0, 15);
        var failures = random.Between(25, 40);
        var session = UserSession.For(victim, ScenarioTools.AttackerScript, origin, random.NextGuid());
        for (var i = 0; i < failures; i++)
        {
            day.Emit(factory.Interactive(session, t, Catalog.Office, ErrorCodes.InvalidPassword, AuthSteps.BadPassword));
            t = t.AddSeconds(random.Between(15, 45));
        }
        day.Emit(factory.Interactive(session, t, Catalog.Office, ErrorCodes.Success, AuthSteps.PasswordOnly, risk: "medium"));
        entities.Add("accounts", victim.UserPrincipalName);
        ScenarioTools.Sign(entities, origin);
        entities.Detail("failures", failures).Detail("successes", 1);
    }
}
