using Detection.Generator.Events;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>A privileged role given permanently through PIM: active on even days, eligible on odd days.</summary>
internal sealed class PermanentPimAssignment : IScenario
{
    public string Name => "permanent-pim-assignment";
    public string Description => "Permanent privileged assignment in PIM: 'Add member to role in PIM requested/completed (permanent)' on even day indexes, 'Add eligible member to role in PIM requested/completed (permanent)' on odd ones, with Core Directory's own record written by MS-PIM.";
    public IReadOnlyList<string> Techniques => ["T1098.003"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var audit = new AuditFactory(random, day.World);
        var admin = ScenarioTools.Admin(day, random);
        var target = ScenarioTools.Victim(day, random);
        var role = random.Chance(0.5) ? Catalog.PrivilegedRoleAdministrator : Catalog.GlobalAdministrator;
        var t = ScenarioTools.At(day, random, 14 + 40 / 60.0, 20);
        var eligible = day.DayIndex % 2 == 1;
        var stem = eligible ? "Add eligible member to role in PIM" : "Add member to role in PIM";
        var correlation = random.NextGuid();
        var request = random.NextGuid();
        var by = audit.User(admin, admin.Office.Ip);
        day.Emit(audit.PimStep(t, $"{stem} requested (permanent)", by, target, role, correlation, request, "Add", "Standing access for on-call"));
        t = t.AddSeconds(random.Between(2, 6));
        day.Emit(audit.PimStep(t, $"{stem} completed (permanent)", by, target, role, correlation, request, "Add", "Standing access for on-call"));
        day.Emit(audit.DirectoryRoleChange(t.AddSeconds(1), eligible ? "Add eligible member to role" : "Add member to role", audit.MsPim, target, role, correlation));
        entities.Add("accounts", admin.UserPrincipalName).Add("accounts", target.UserPrincipalName)
            .Add("initiators", admin.UserPrincipalName).Add("targets", target.UserPrincipalName)
            .Add("roles", role.Name).Add("operations", $"{stem} completed (permanent)");
    }
}
