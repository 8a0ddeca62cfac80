using Detection.Generator.Events;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>An admin makes an ordinary user Global Administrator directly in the directory, bypassing PIM.</summary>
internal sealed class RoleAssignedOutsidePim : IScenario
{
    public string Name => "role-assigned-outside-pim";
    public string Description => "Privileged role assigned outside PIM: 'Add member to role' (Core Directory, RoleManagement) initiated by a user, not MS-PIM, making an ordinary user Global Administrator.";
    public IReadOnlyList<string> Techniques => ["T1098.003"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var audit = new AuditFactory(random, day.World);
        var admin = ScenarioTools.Admin(day, random);
        var target = ScenarioTools.Victim(day, random);
        var t = ScenarioTools.At(day, random, 13 + 20 / 60.0, 20);
        var role = Catalog.GlobalAdministrator;
        day.Emit(audit.DirectoryRoleChange(t, "Add member to role", audit.User(admin, admin.Office.Ip), target, role, random.NextGuid()));
        entities.Add("accounts", admin.UserPrincipalName).Add("accounts", target.UserPrincipalName)
            .Add("initiators", admin.UserPrincipalName).Add("targets", target.UserPrincipalName)
            .Add("roles", role.Name).Add("ips", admin.Office.Ip);
    }
}
