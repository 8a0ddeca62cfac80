using Detection.Generator.Events;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>One address tries one or two passwords on many accounts (and a few that do not exist) over about 40 minutes.</summary>
internal sealed class PasswordSpray : IScenario
{
    public string Name => "password-spray";
    public string Description => "Password spray: one IP and ASN, many accounts, mostly 50126 with a few 50034 (unknown account), one or two attempts each, about 40 minutes around 02:10 UTC.";
    public IReadOnlyList<string> Techniques => ["T1110.003"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var factory = new SignInFactory(random);
        var origin = day.Attackers.Origin(day.DayIndex, ScenarioTools.Slots.Spray, random);
        var start = ScenarioTools.At(day, random, 2 + 10 / 60.0, 20);
        var targets = random.Sample(day.World.Humans.ToList(), 30)
            .Select(p => (Upn: p.UserPrincipalName, Id: Wire.Guid(p.Id), Name: p.DisplayName, Exists: true))
            .Concat(new[] { "administrator", "helpdesk", "test" }.Select(a => (Upn: $"{a}@{WorldModel.Domain}", Id: "", Name: a, Exists: false)))
            .ToList();
        var attempts = new List<(DateTime Time, (string Upn, string Id, string Name, bool Exists) Target)>();
        foreach (var target in targets)
            for (var i = random.Between(1, 2); i > 0; i--)
                attempts.Add((start.AddSeconds(random.Between(0, 40 * 60)), target));

        foreach (var (time, target) in attempts.OrderBy(a => a.Time))
        {
            var session = new UserSession(target.Id, target.Upn, target.Name, ScenarioTools.AttackerScript, origin, Wire.Guid(random.NextGuid()));
            var code = target.Exists ? ErrorCodes.InvalidPassword : ErrorCodes.AccountNotFound;
            day.Emit(factory.Interactive(session, time, Catalog.AadPowerShell, code, AuthSteps.BadPassword));
            entities.Add("accounts", target.Upn);
        }
        ScenarioTools.Sign(entities, origin);
        entities.Detail("distinctAccounts", targets.Count).Detail("attempts", attempts.Count);
    }
}
