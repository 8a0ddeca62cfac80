using Detection.Generator.Events;
using Detection.Generator.Randomness;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Background;

/// <summary>
/// People's ordinary days in their own time zone: a morning interactive sign-in (sometimes after a password typo or
/// an MFA prompt), a few more apps in the same session, background token refreshes until the evening, a phone
/// refreshing mail, and for admins an Azure Portal session. Weekends are quiet.
/// </summary>
internal sealed class HumanWorkdays : IBackgroundActivity
{
    public void Generate(DayContext day)
    {
        // On the first day, people east or west of UTC also had a previous local day that reaches into it.
        var localDates = day.DayIndex == 0 ? new[] { day.DayStart.AddDays(-1), day.DayStart } : new[] { day.DayStart };
        foreach (var person in day.World.Humans)
            foreach (var local in localDates)
                GenerateDay(day, person, local, day.Random($"user/{person.Index}/{local:yyyy-MM-dd}"));
    }

    private static void GenerateDay(DayContext day, Person person, DateTime localDate, Prng random)
    {
        var factory = new SignInFactory(random);
        var weekend = localDate.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        DateTime At(double localHours) => localDate.AddHours(localHours) - person.Home.UtcOffset;

        if (random.Chance(0.5)) Phone(day, person, random, factory, At, weekend ? 10 : 7, weekend ? 3 : 6);
        if (weekend || random.Chance(0.05)) return;

        var origin = random.Chance(0.65) ? person.Office : person.Residence;
        var startHour = Math.Clamp(random.Normal(8.6, 0.5), 7.0, 10.5);
        var endHour = startHour + Math.Clamp(random.Normal(8.6, 0.6), 6.5, 10.5);
        var session = UserSession.For(person, person.Desktop, origin, random.NextGuid());
        var t = At(startHour);
        var first = random.Pick(Catalog.InteractiveApps);

        if (random.Chance(0.05))
        {
            // A typo: wrong password, then the right one a few seconds later in the same browser session.
            var correlation = random.NextGuid();
            day.Emit(factory.Interactive(session, t, first, ErrorCodes.InvalidPassword, AuthSteps.BadPassword, correlationId: correlation));
            t = t.AddSeconds(random.Between(8, 45));
            day.Emit(factory.Interactive(session, t, first, 0, AuthSteps.FreshMfa, correlationId: correlation));
        }
        else if (random.Chance(0.3))
        {
            // An MFA prompt: the first attempt is interrupted to require MFA, the second completes it.
            var correlation = random.NextGuid();
            var code = random.Chance(0.7) ? ErrorCodes.StrongAuthRequired : ErrorCodes.MfaRequired;
            day.Emit(factory.Interactive(session, t, first, code, AuthSteps.PasswordOnly, "MFA required in Azure AD", correlation));
            t = t.AddSeconds(random.Between(12, 50));
            day.Emit(factory.Interactive(session, t, first, 0, AuthSteps.FreshMfa, correlationId: correlation));
        }
        else
        {
            day.Emit(factory.Interactive(session, t, first, 0, AuthSteps.SingleSignOn));
        }
        if (random.Chance(0.05))
            day.Emit(factory.Interactive(session, t.AddSeconds(random.Between(2, 6)), first, ErrorCodes.KmsiInterrupt, AuthSteps.SingleSignOn));

        foreach (var app in random.Sample(Catalog.InteractiveApps.Where(a => a != first).ToList(), random.Between(1, 2)))
            day.Emit(factory.Interactive(session, t.AddMinutes(random.Between(1, 50)), app, 0, AuthSteps.SingleSignOn));

        for (var h = startHour + random.Between(0.2, 0.6); h < endHour; h += random.Between(1.0, 2.0))
            foreach (var app in random.Sample(Catalog.BackgroundApps, random.Chance(0.25) ? 2 : 1))
                day.Emit(factory.Refresh(session, At(h + random.Between(0, 0.1)), app));

        if (person.IsAdmin && random.Chance(0.6)) Portal(day, person, origin, random, factory, At, startHour, endHour);
    }

    private static void Portal(DayContext day, Person person, NetworkOrigin origin, Prng random, SignInFactory factory,
        Func<double, DateTime> at, double startHour, double endHour)
    {
        var session = UserSession.For(person, person.Desktop, origin, random.NextGuid());
        var h = random.Between(startHour + 0.5, Math.Max(startHour + 0.6, endHour - 3));
        day.Emit(factory.Interactive(session, at(h), Catalog.AzurePortal, 0, AuthSteps.FreshMfa));
        var stop = h + random.Between(1.0, 3.0);
        for (h += random.Between(0.3, 0.8); h < stop; h += random.Between(0.5, 1.0))
            day.Emit(factory.Refresh(session, at(h), Catalog.AzurePortal));
    }

    private static void Phone(DayContext day, Person person, Prng random, SignInFactory factory, Func<double, DateTime> at, double from, int refreshes)
    {
        var origin = random.Chance(0.5) ? person.Residence : person.Office;
        var session = UserSession.For(person, person.Mobile, origin, random.NextGuid());
        var h = from + random.Between(0, 1.5);
        for (var i = 0; i < refreshes && h < 22; i++, h += random.Between(1.5, 3.0))
            day.Emit(factory.Refresh(session, at(h), Catalog.OutlookMobile));
    }
}
