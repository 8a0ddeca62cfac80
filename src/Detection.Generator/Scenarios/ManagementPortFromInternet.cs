using Detection.Generator.Events;

namespace Detection.Generator.Scenarios;

/// <summary>
/// After the NSG rule of <see cref="NsgRuleOpenToInternet"/> opens SSH to the internet, an external address connects
/// to the jump host on port 22 and is allowed: a few short attempts, then a long session.
/// </summary>
internal sealed class ManagementPortFromInternet : IScenario
{
    public string Name => "management-port-from-internet";
    public string Description => "Management port allowed from the internet: inbound TCP 22 to vm-jump-01 from a public IP allowed by UserRule_AllowSshInternet (NSG flow log v2), starting 20-40 minutes after that rule was created.";
    public IReadOnlyList<string> Techniques => ["T1133", "T1021.004"];

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var flows = new FlowFactory(random);
        var jump = day.World.Estate.Jump;
        var origin = day.Attackers.Origin(day.DayIndex, ScenarioTools.Slots.ManagementPort, random);
        var opened = new NsgRuleOpenToInternet().StartTime(day);
        var t = opened.AddMinutes(random.Between(20, 40));
        var rule = $"UserRule_{NsgRuleOpenToInternet.RuleName}";
        for (var i = random.Between(3, 5); i > 0; i--)
        {
            foreach (var tuple in flows.Connection(jump, rule, origin.Ip, jump.PrivateIp, flows.EphemeralPort(), 22, 'T', 'I', t,
                         random.Between(2.0, 8.0), random.Between(10, 25), random.Between(10, 30)))
                day.Emit(tuple);
            t = t.AddSeconds(random.Between(20, 90));
        }
        foreach (var tuple in flows.Connection(jump, rule, origin.Ip, jump.PrivateIp, flows.EphemeralPort(), 22, 'T', 'I', t,
                     random.Between(900.0, 1500.0), random.Between(800, 3000), random.Between(1500, 8000)))
            day.Emit(tuple);

        entities.Add("ips", jump.PrivateIp).Add("hosts", jump.Name).Add("ports", "22")
            .Add("resources", day.World.Estate.NsgMgmt.TargetResourceId);
        entities.Add("ips", origin.Ip).Add("attackerIps", origin.Ip);
    }
}
