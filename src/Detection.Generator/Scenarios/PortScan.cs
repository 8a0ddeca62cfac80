using Detection.Generator.Events;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>One external address probes a couple of hundred ports of the ETL VM within minutes; all denied.</summary>
internal sealed class PortScan : IScenario
{
    public string Name => "port-scan";
    public string Description => "Port scan: one external IP sends TCP probes to 150-250 distinct ports of vm-etl-01 within about 3 minutes around 23:10 UTC, all denied (VNet flow log tuples with state D).";
    public IReadOnlyList<string> Techniques => ["T1046"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var flows = new FlowFactory(random);
        var target = day.World.Estate.Where("etl").Single();
        var origin = day.Attackers.Origin(day.DayIndex, ScenarioTools.Slots.PortScan, random);
        var start = ScenarioTools.At(day, random, 23 + 10 / 60.0, 10);
        var wellKnown = Enumerable.Range(1, 1024).Concat(Catalog.ScannerPorts).Distinct().ToList();
        var ports = random.Sample(wellKnown, random.Between(150, 250)).Order().ToList();
        var t = start;
        var sourcePort = flows.EphemeralPort();
        foreach (var port in ports)
        {
            day.Emit(flows.Denied(target, "DefaultRule_DenyAllInBound", origin.Ip, target.PrivateIp, sourcePort, port, 'T', t));
            t = t.AddMilliseconds(random.Between(200, 1100));
        }
        entities.Add("ips", target.PrivateIp).Add("hosts", target.Name).Add("resources", target.ResourceId(day.World.Estate.SubscriptionId));
        entities.Add("ips", origin.Ip).Add("attackerIps", origin.Ip);
        entities.Detail("distinctPorts", ports.Count);
    }
}
