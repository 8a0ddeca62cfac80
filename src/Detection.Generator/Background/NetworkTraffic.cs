using Detection.Generator.Events;
using Detection.Generator.Randomness;
using Detection.Generator.World;

namespace Detection.Generator.Background;

/// <summary>
/// Ordinary traffic in the flow logs: every VM's outbound web traffic, HTTPS from internet clients to the web tier,
/// web to app and ETL to database inside the networks (logged at both NICs), admin SSH/RDP through Azure Bastion
/// (a private source), and internet background noise: single knocks on closed ports, denied. Nothing reaches a
/// management port from a public address here.
/// </summary>
internal sealed class NetworkTraffic : IBackgroundActivity
{
    public const string AllowInternetOut = "DefaultRule_AllowInternetOutBound";
    public const string AllowVnetOut = "DefaultRule_AllowVnetOutBound";
    public const string AllowVnetIn = "DefaultRule_AllowVnetInBound";
    public const string DenyAllIn = "DefaultRule_DenyAllInBound";

    public void Generate(DayContext day)
    {
        var estate = day.World.Estate;
        var webs = estate.Where("web").ToList();
        var apps = estate.Where("app").ToList();
        var etl = estate.Where("etl").Single();
        var db = estate.Where("db").Single();
        var weekday = day.DayStart.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday);

        for (var hour = 0; hour < 24; hour++)
        {
            var random = day.Random($"network/{hour}");
            var flows = new FlowFactory(random);
            var h0 = day.DayStart.AddHours(hour);
            var busy = hour is >= 7 and < 19;
            // Traffic comes in bursts (a page load, a sync run): connections start in a few active minutes per hour.
            var active = Enumerable.Range(0, busy ? 7 : 3).Select(_ => random.Between(0, 59)).ToList();
            DateTime Within() => h0.AddMinutes(random.Pick(active)).AddSeconds(random.Between(0.0, 30.0));
            void Emit(IEnumerable<FlowTuple> tuples) { foreach (var t in tuples) day.Emit(t); }

            foreach (var vm in estate.VirtualMachines)
                for (var i = (busy ? 5 : 3) + random.Between(0, 3); i > 0; i--)
                {
                    var https = random.Chance(0.85);
                    Emit(flows.Connection(vm, AllowInternetOut, vm.PrivateIp, WebDestination(random), flows.EphemeralPort(), https ? 443 : 80,
                        'T', 'O', Within(), random.Between(0.5, 25.0), random.Between(6, 60), random.Between(8, 120)));
                }

            foreach (var web in webs)
            {
                for (var i = (busy ? 10 : 3) + random.Between(0, 6); i > 0; i--)
                    Emit(flows.Connection(web, "UserRule_AllowHttpsInbound", InternetClient(random), web.PrivateIp, flows.EphemeralPort(), 443,
                        'T', 'I', Within(), random.Between(0.2, 20.0), random.Between(8, 40), random.Between(10, 80)));
                for (var i = (busy ? 6 : 2) + random.Between(0, 3); i > 0; i--)
                {
                    var app = random.Pick(apps);
                    var start = Within();
                    var port = flows.EphemeralPort();
                    var duration = random.Between(0.1, 5.0);
                    long pOut = random.Between(5, 30), pIn = random.Between(5, 40);
                    Emit(flows.Connection(web, AllowVnetOut, web.PrivateIp, app.PrivateIp, port, 8080, 'T', 'O', start, duration, pOut, pIn));
                    Emit(flows.Connection(app, "UserRule_AllowWebToApp", web.PrivateIp, app.PrivateIp, port, 8080, 'T', 'I', start, duration, pOut, pIn));
                }
            }

            for (var i = (hour is >= 1 and < 4 ? 20 : 4) + random.Between(0, 4); i > 0; i--)
            {
                var start = Within();
                var port = random.Between(32768, 60999);
                var duration = random.Between(0.5, 25.0);
                long pOut = random.Between(10, 400), pIn = random.Between(10, 2000);
                Emit(flows.Connection(etl, AllowVnetOut, etl.PrivateIp, db.PrivateIp, port, 5432, 'T', 'O', start, duration, pOut, pIn));
                Emit(flows.Connection(db, AllowVnetIn, etl.PrivateIp, db.PrivateIp, port, 5432, 'T', 'I', start, duration, pOut, pIn));
            }

            if (weekday && busy && random.Chance(0.3))
            {
                var jump = estate.Jump;
                var rdp = random.Chance(0.5);
                Emit(flows.Connection(jump, "UserRule_AllowBastionInbound", AzureEstate.BastionIp, jump.PrivateIp, flows.EphemeralPort(), rdp ? 3389 : 22,
                    'T', 'I', Within(), random.Between(300.0, 2400.0), random.Between(200, 3000), random.Between(400, 9000)));
            }

            foreach (var target in webs.Append(etl))
                for (var i = random.Between(1, 4); i > 0; i--)
                    day.Emit(flows.Denied(target, DenyAllIn, InternetClient(random), target.PrivateIp, flows.EphemeralPort(),
                        random.Pick(Catalog.ScannerPorts.Where(p => p != 443).ToList()), random.Chance(0.9) ? 'T' : 'U', Within()));
        }
    }

    private static string WebDestination(Prng random)
    {
        var block = random.Pick(Catalog.WebDestinations);
        return $"{block.First}.{random.Between(block.SecondFrom, block.SecondTo)}.{random.Between(0, 255)}.{random.Between(1, 254)}";
    }

    /// <summary>A client somewhere on the internet: a consumer ISP address (never a documentation range).</summary>
    private static string InternetClient(Prng random) => random.Pick(Catalog.Isps).NextAddress(random);
}
