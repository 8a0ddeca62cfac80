using Detection.Generator.Events;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>An admin signs in to the portal from home in the middle of their night and activates Global Administrator without approval.</summary>
internal sealed class PimActivationAtNight : IScenario
{
    public string Name => "pim-activation-at-night";
    public string Description => "PIM activation outside working hours: around 02:30 in the admin's own time zone, a portal sign-in from home, then 'Add member to role requested/completed (PIM activation)' for Global Administrator with no approval step. The later expiry records are not part of the label.";
    public IReadOnlyList<string> Techniques => ["T1078.004", "T1548"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var admin = ScenarioTools.Admin(day, random);
        var t = ScenarioTools.AtLocal(day, admin, 2.5 + random.Between(0.0, 0.3));
        if (t.AddMinutes(10) >= day.DayStart.AddDays(1)) t = t.AddMinutes(-15);
        var session = UserSession.For(admin, admin.Desktop, admin.Residence, random.NextGuid());
        day.Emit(new SignInFactory(random).Interactive(session, t, Catalog.AzurePortal, ErrorCodes.Success, AuthSteps.FreshMfa));

        var audit = new AuditFactory(random, day.World);
        var (activation, expiry) = PimWorkflows.Activation(audit, random, admin, admin.Residence.Ip, null, null,
            Catalog.GlobalAdministrator, t.AddMinutes(random.Between(2.0, 5.0)), TimeSpan.FromHours(2), "urgent fix");
        foreach (var e in activation) day.Emit(e);
        entities.Add("accounts", admin.UserPrincipalName).Add("roles", Catalog.GlobalAdministrator.Name).Add("ips", admin.Residence.Ip)
            .Detail("localHour", Math.Round((t + admin.Home.UtcOffset).TimeOfDay.TotalHours, 2));
        foreach (var e in expiry) day.EmitUnlabelled(e);
    }
}
