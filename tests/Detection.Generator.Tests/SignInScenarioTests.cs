using Detection.Generator.Tests.Support;

namespace Detection.Generator.Tests;

/// <summary>Each labelled sign-in attack is in the data, inside its window, with its entities.</summary>
[Collection(SampleCollection.Name)]
public sealed class SignInScenarioTests(SampleFixture sample)
{
    private GeneratedOutput Output => sample.Output;

    private List<ExportRecord> In(Label label) => Output.SignIns.Where(r => label.Covers(r.Time)).ToList();

    [Fact]
    public void Password_spray_hits_many_accounts_from_one_address_with_few_attempts_each()
    {
        foreach (var label in Label.Named(Output, "password-spray"))
        {
            var ip = label.Entity("attackerIps");
            var attempts = In(label).Where(r => r.Ip == ip).ToList();
            var perAccount = attempts.GroupBy(r => r.Upn).ToList();
            Assert.True(perAccount.Count >= 20, $"{perAccount.Count} accounts");
            Assert.All(perAccount, g => Assert.InRange(g.Count(), 1, 2));
            Assert.True(attempts.Count(r => r.ErrorCode == 50126) * 2 > attempts.Count);
            Assert.DoesNotContain(attempts, r => r.ErrorCode == 0);
            Assert.Equal(label.Entities("accounts").Order(), perAccount.Select(g => g.Key!).Order());
            Assert.All(attempts, r => Assert.Equal(label.Entity("asns"), r.Properties.GetProperty("autonomousSystemNumber").GetInt32().ToString()));
            Assert.Equal(["SigninLogs"], label.Tables);
        }
    }

    [Fact]
    public void Brute_force_is_many_failures_on_one_account_then_a_success()
    {
        foreach (var label in Label.Named(Output, "brute-force-then-success"))
        {
            var ip = label.Entity("attackerIps");
            var account = label.Entity("accounts");
            var attempts = In(label).Where(r => r.Ip == ip && r.Upn == account).OrderBy(r => r.Time).ToList();
            Assert.True(attempts.Count(r => r.ErrorCode == 50126) >= 20);
            Assert.Equal(0, attempts[^1].ErrorCode);
            Assert.Single(attempts, r => r.ErrorCode == 0);
        }
    }

    [Fact]
    public void Mfa_fatigue_is_declined_pushes_then_an_approval()
    {
        foreach (var label in Label.Named(Output, "mfa-fatigue"))
        {
            var account = label.Entity("accounts");
            var attempts = In(label).Where(r => r.Upn == account && r.Ip == label.Entity("attackerIps")).OrderBy(r => r.Time).ToList();
            var declined = attempts.Where(r => r.ErrorCode == 500121).ToList();
            Assert.True(declined.Count >= 5);
            Assert.All(declined, r => Assert.Equal("MFA denied; user declined the authentication",
                r.Properties.GetProperty("status").GetProperty("additionalDetails").GetString()));
            Assert.Equal(0, attempts[^1].ErrorCode);
        }
    }

    [Fact]
    public void Token_replay_uses_one_session_and_token_from_a_second_country_and_asn()
    {
        foreach (var label in Label.Named(Output, "token-replay"))
        {
            var session = label.Entity("sessionIds");
            var uses = In(label).Where(r => r.Prop("sessionId") == session).ToList();
            var origins = uses.Select(r => (r.Ip, Country: r.Json.GetProperty("location").GetString(),
                Asn: r.Properties.GetProperty("autonomousSystemNumber").GetInt32())).Distinct().ToList();
            Assert.Equal(2, origins.Count);
            Assert.NotEqual(origins[0].Country, origins[1].Country);
            Assert.NotEqual(origins[0].Asn, origins[1].Asn);
            Assert.Contains(origins, o => o.Ip == label.Entity("attackerIps"));

            var token = label.Entity("uniqueTokenIdentifiers");
            var tokenIps = Output.SignIns.Where(r => r.Prop("uniqueTokenIdentifier") == token).Select(r => r.Ip).Distinct().ToList();
            Assert.Equal(2, tokenIps.Count);
            Assert.Contains(uses, r => r.Category == "NonInteractiveUserSignInLogs" && r.Ip == label.Entity("attackerIps"));
        }
    }

    [Fact]
    public void Impossible_travel_is_two_successes_far_apart_too_quickly()
    {
        foreach (var label in Label.Named(Output, "impossible-travel"))
        {
            var account = label.Entity("accounts");
            var successes = In(label).Where(r => r.Upn == account && r.ErrorCode == 0 && r.Category == "SignInLogs").OrderBy(r => r.Time).ToList();
            Assert.Equal(2, successes.Count);
            var (a, b) = (successes[0], successes[1]);
            Assert.NotEqual(a.Json.GetProperty("location").GetString(), b.Json.GetProperty("location").GetString());
            var km = Distance(a, b);
            var hours = (b.Time - a.Time).TotalHours;
            Assert.True(km > 5000, $"{km} km");
            Assert.True(km / hours > 1000, $"{km / hours} km/h");
        }
    }

    [Fact]
    public void Attack_addresses_sign_in_only_inside_their_labelled_windows()
    {
        var labels = Label.All(Output);
        var attackIps = labels.SelectMany(l => l.Entities("attackerIps")).ToHashSet();
        Assert.NotEmpty(attackIps);
        foreach (var r in Output.SignIns.Where(r => attackIps.Contains(r.Ip!)))
            Assert.True(labels.Any(l => l.Entities("attackerIps").Contains(r.Ip!) && l.Covers(r.Time)), $"{r.Category} {r.Time:O} {r.Upn} {r.Ip}");
        foreach (var f in Output.Flows.Where(f => attackIps.Contains(f.Source)))
            Assert.True(labels.Any(l => l.Entities("attackerIps").Contains(f.Source) && l.Covers(f.Time)), $"flow {f.Time:O} {f.Source}");
    }

    [Fact]
    public void The_benign_background_never_uses_documentation_addresses()
    {
        var labels = Label.All(Output);
        static bool Documentation(string ip) => ip.StartsWith("192.0.2.", StringComparison.Ordinal) ||
            ip.StartsWith("198.51.100.", StringComparison.Ordinal) || ip.StartsWith("203.0.113.", StringComparison.Ordinal);
        var unlabelled = Output.SignIns.Where(r => Documentation(r.Ip!) && !labels.Any(l => l.Entities("attackerIps").Contains(r.Ip!))).ToList();
        Assert.Empty(unlabelled);
        Assert.DoesNotContain(Output.Flows, f => (Documentation(f.Source) || Documentation(f.Destination))
            && !labels.Any(l => l.Entities("attackerIps").Contains(f.Source)));
    }

    [Fact]
    public void Background_has_ordinary_typos_and_mfa_prompts_followed_by_success()
    {
        var labelled = Label.All(Output);
        var interactive = Output.Records.Where(r => r.Category == "SignInLogs" && !labelled.Any(l => l.Covers(r.Time) && l.Entities("accounts").Contains(r.Upn!)))
            .OrderBy(r => r.Time).ToList();
        foreach (var code in new[] { 50126, 50074 })
        {
            var failures = interactive.Where(r => r.ErrorCode == code).ToList();
            Assert.NotEmpty(failures);
            Assert.All(failures, f => Assert.Contains(interactive, s => s.Upn == f.Upn && s.ErrorCode == 0 && s.Time > f.Time && s.Time < f.Time.AddMinutes(2)));
        }
    }

    private static double Distance(ExportRecord a, ExportRecord b)
    {
        static (double, double) Geo(ExportRecord r)
        {
            var g = r.Properties.GetProperty("location").GetProperty("geoCoordinates");
            return (g.GetProperty("latitude").GetDouble(), g.GetProperty("longitude").GetDouble());
        }
        var (lat1, lon1) = Geo(a);
        var (lat2, lon2) = Geo(b);
        double Rad(double d) => d * Math.PI / 180;
        var h = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * 6371 * Math.Asin(Math.Sqrt(h));
    }
}
