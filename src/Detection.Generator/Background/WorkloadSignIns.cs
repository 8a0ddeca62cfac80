using Detection.Generator.Events;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Background;

/// <summary>
/// Sign-ins without a person at the keyboard: service principals on their schedules (some only in working hours),
/// managed identities around the clock, and the two service accounts' password sign-ins from the on-premises server.
/// </summary>
internal sealed class WorkloadSignIns : IBackgroundActivity
{
    public void Generate(DayContext day)
    {
        foreach (var sp in day.World.ServicePrincipals)
        {
            var random = day.Random($"sp/{sp.Name}");
            var factory = new SignInFactory(random);
            var weekend = day.DayStart.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            if (sp.OfficeHoursOnly && weekend) continue;
            var (from, to) = sp.OfficeHoursOnly ? (7.0, 19.0) : (0.0, 24.0);
            for (var m = from * 60 + random.Between(0, sp.PeriodMinutes - 1); m < to * 60; m += sp.PeriodMinutes)
                foreach (var resource in sp.Resources)
                    day.Emit(factory.ServicePrincipal(sp, day.DayStart.AddMinutes(m + random.Between(0.0, 2.0)), resource));
        }

        foreach (var mi in day.World.ManagedIdentities)
        {
            var random = day.Random($"mi/{mi.Name}");
            var factory = new SignInFactory(random);
            for (var m = (double)random.Between(0, mi.PeriodMinutes - 1); m < 24 * 60; m += mi.PeriodMinutes)
                day.Emit(factory.ManagedIdentity(mi, day.DayStart.AddMinutes(m + random.Between(0.0, 3.0)), random.Pick(mi.Resources)));
        }

        foreach (var account in day.World.ServiceAccounts)
        {
            var random = day.Random($"svc/{account.Index}");
            var factory = new SignInFactory(random);
            var app = account.UserPrincipalName.StartsWith("svc-backup", StringComparison.Ordinal) ? Catalog.AzureCli : Catalog.OfficeSharePoint;
            for (var h = random.Between(0.0, 2.0); h < 24; h += 2)
            {
                var session = UserSession.For(account, account.Desktop, account.Office, random.NextGuid());
                day.Emit(factory.Interactive(session, day.DayStart.AddHours(h), app, ErrorCodes.Success, AuthSteps.PasswordOnly));
            }
        }
    }
}
