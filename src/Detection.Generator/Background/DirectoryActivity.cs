using Detection.Generator.Events;
using Detection.Generator.Randomness;
using Detection.Generator.World;

namespace Detection.Generator.Background;

/// <summary>
/// Ordinary audit trail: admins activating roles through PIM in their working hours with a colleague's approval (and
/// the activations expiring later), user and group maintenance by admins, self-service password resets and device
/// updates by the Device Registration Service.
/// </summary>
internal sealed class DirectoryActivity : IBackgroundActivity
{
    private const string DeviceRegistrationAppId = "01cb2876-7ebd-4aa4-9cc9-d28bd4d359a9";

    public void Generate(DayContext day)
    {
        if (day.DayStart.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) return;
        var random = day.Random("directory");
        var audit = new AuditFactory(random, day.World);
        var admins = day.World.Admins.ToList();

        foreach (var admin in admins)
        {
            if (!random.Chance(0.5)) continue;
            var approver = random.Pick(admins.Where(a => a != admin).ToList());
            var role = random.Pick(Catalog.RoutineActivationRoles);
            var requested = LocalOfficeTime(day, admin, random, 9.0, 16.0);
            var (activation, expiry) = PimWorkflows.Activation(audit, random, admin, admin.Office.Ip, approver, approver.Office.Ip,
                role, requested, TimeSpan.FromHours(random.Between(1, 4)), random.Pick(Catalog.Justifications));
            foreach (var e in activation.Concat(expiry)) day.Emit(e);
        }

        var people = day.World.NonAdmins.ToList();
        for (var i = random.Between(2, 5); i > 0; i--)
        {
            var admin = random.Pick(admins);
            var target = random.Pick(people);
            var t = LocalOfficeTime(day, admin, random, 9.0, 17.0);
            if (random.Chance(0.5))
            {
                day.Emit(audit.Directory(t, "Update user", "UserManagement", "Update", audit.User(admin, admin.Office.Ip),
                [
                    new TargetResource(Records.Wire.Guid(target.Id), target.DisplayName, "User", target.UserPrincipalName,
                        [new ModifiedProperty("JobTitle", "[]", "[\"Engineer\"]"), new ModifiedProperty("Included Updated Properties", null, "\"JobTitle\"")]),
                ]));
            }
            else
            {
                var groupId = Records.Wire.Guid(random.NextGuid());
                day.Emit(audit.Directory(t, "Add member to group", "GroupManagement", "Assign", audit.User(admin, admin.Office.Ip),
                [
                    new TargetResource(Records.Wire.Guid(target.Id), target.DisplayName, "User", target.UserPrincipalName,
                        [new ModifiedProperty("Group.DisplayName", null, "\"Project Atlas\""), new ModifiedProperty("Group.ObjectID", null, $"\"{groupId}\"")]),
                ]));
            }
        }

        if (random.Chance(0.5))
        {
            var user = random.Pick(people);
            var t = LocalOfficeTime(day, user, random, 8.0, 18.0);
            day.Emit(audit.Directory(t, "Reset password (self-service)", "UserManagement", "Update", audit.User(user, user.Office.Ip),
                [new TargetResource(Records.Wire.Guid(user.Id), user.DisplayName, "User", user.UserPrincipalName)],
                "Self-service Password Management"));
        }

        var drs = AuditFactory.App("Device Registration Service", DeviceRegistrationAppId, Records.Wire.Guid(random.NextGuid()));
        foreach (var user in random.Sample(people, random.Between(2, 5)))
        {
            var t = LocalOfficeTime(day, user, random, 8.0, 11.0);
            day.Emit(audit.Directory(t, "Update device", "Device", "Update", drs,
                [new TargetResource(user.Desktop.DeviceId, user.Desktop.DisplayName, "Device",
                    ModifiedProperties: [new ModifiedProperty("ApproximateLastLogonTimestamp", null, null), new ModifiedProperty("Included Updated Properties", null, "\"ApproximateLastLogonTimestamp\"")])]));
        }
    }

    private static DateTime LocalOfficeTime(DayContext day, Person p, Prng random, double fromHour, double toHour) =>
        day.DayStart.AddHours(random.Between(fromHour, toHour)) - p.Home.UtcOffset;
}
