using Detection.Generator.Events;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>A service account (a user object used by scripts) is made Global Administrator through PIM.</summary>
internal sealed class ServiceAccountPrivilegedRole : IScenario
{
    public string Name => "service-account-privileged-role";
    public string Description => "Service account added to a privileged role: 'Add member to role in PIM requested/completed (timebound)' making a svc- account Global Administrator, with Core Directory's own 'Add member to role' written by MS-PIM.";
    public IReadOnlyList<string> Techniques => ["T1098.003"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var audit = new AuditFactory(random, day.World);
        var admin = ScenarioTools.Admin(day, random);
        var account = random.Pick(day.World.ServiceAccounts.ToList());
        var role = Catalog.GlobalAdministrator;
        var t = ScenarioTools.At(day, random, 15 + 10 / 60.0, 20);
        var correlation = random.NextGuid();
        var request = random.NextGuid();
        var by = audit.User(admin, admin.Office.Ip);
        day.Emit(audit.PimStep(t, "Add member to role in PIM requested (timebound)", by, account, role, correlation, request, "Add", "Backup job needs tenant-wide access", TimeSpan.FromDays(180)));
        t = t.AddSeconds(random.Between(2, 6));
        day.Emit(audit.PimStep(t, "Add member to role in PIM completed (timebound)", by, account, role, correlation, request, "Add", "Backup job needs tenant-wide access", TimeSpan.FromDays(180)));
        day.Emit(audit.DirectoryRoleChange(t.AddSeconds(1), "Add member to role", audit.MsPim, account, role, correlation));
        entities.Add("accounts", account.UserPrincipalName).Add("accounts", admin.UserPrincipalName)
            .Add("targets", account.UserPrincipalName).Add("initiators", admin.UserPrincipalName).Add("roles", role.Name);
    }
}
