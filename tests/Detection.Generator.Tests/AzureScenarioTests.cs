using Detection.Generator.Tests.Support;

namespace Detection.Generator.Tests;

/// <summary>The CIS Azure Foundations 5.2 changes and the network scenarios are where their labels say.</summary>
[Collection(SampleCollection.Name)]
public sealed class AzureScenarioTests(SampleFixture sample)
{
    private GeneratedOutput Output => sample.Output;

    [Theory]
    [InlineData("cis-nsg-rule-open-to-internet", "Microsoft.Network/networkSecurityGroups/securityRules/write", "\"sourceAddressPrefix\":\"*\"")]
    [InlineData("cis-sql-firewall-open-to-all", "Microsoft.Sql/servers/firewallRules/write", "\"endIpAddress\":\"255.255.255.255\"")]
    [InlineData("cis-policy-assignment-deleted", "Microsoft.Authorization/policyAssignments/delete", null)]
    [InlineData("cis-diagnostic-settings-deleted", "microsoft.insights/diagnosticSettings/delete", null)]
    [InlineData("cis-public-ip-created", "Microsoft.Network/publicIPAddresses/write", null)]
    public void CIS_change_is_a_started_and_succeeded_operation_on_the_labelled_resource(string scenario, string operation, string? requestContains)
    {
        foreach (var label in Label.Named(Output, scenario))
        {
            var resource = label.Entity("resources");
            var records = Output.Records.Where(r => r.Category == "Administrative" && label.Covers(r.Time)
                && string.Equals(r.Json.GetProperty("operationName").GetString(), operation, StringComparison.OrdinalIgnoreCase)
                && string.Equals(r.Json.GetProperty("resourceId").GetString(), resource, StringComparison.OrdinalIgnoreCase)).ToList();
            Assert.Contains(records, r => r.Json.GetProperty("resultType").GetString() == "Start");
            Assert.Contains(records, r => r.Json.GetProperty("resultType").GetString() == "Success");
            var caller = records[0].Json.GetProperty("identity").GetProperty("claims")
                .GetProperty("http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn").GetString();
            Assert.Equal(label.Entity("accounts"), caller);
            if (requestContains is not null)
                Assert.Contains(records, r => r.Prop("requestbody")?.Contains(requestContains, StringComparison.Ordinal) == true);
            Assert.Equal(["AzureActivity"], label.Tables);
        }
    }

    [Fact]
    public void Background_activity_has_no_CIS_operations()
    {
        var cis = new[] { "networksecuritygroups", "firewallrules", "policyassignments", "diagnosticsettings", "publicipaddresses", "securitysolutions" };
        var labels = Label.All(Output).Where(l => l.Name.StartsWith("cis-", StringComparison.Ordinal)).ToList();
        var unlabelled = Output.Records.Where(r => r.Category == "Administrative" && !labels.Any(l => l.Covers(r.Time))).ToList();
        Assert.NotEmpty(unlabelled);
        Assert.DoesNotContain(unlabelled, r => cis.Any(c => r.Json.GetProperty("operationName").GetString()!.Contains(c, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void Port_scan_is_one_source_on_many_ports_denied_within_minutes()
    {
        foreach (var label in Label.Named(Output, "port-scan"))
        {
            var source = label.Entity("attackerIps");
            var probes = Output.Flows.Where(f => f.Source == source && label.Covers(f.Time)).ToList();
            Assert.True(probes.Select(f => f.DestinationPort).Distinct().Count() >= 100);
            Assert.All(probes, f => Assert.False(f.Allowed));
            Assert.True(label.End - label.Start < TimeSpan.FromMinutes(10));
            Assert.Equal(["NTANetAnalytics"], label.Tables);
        }
    }

    [Fact]
    public void No_background_source_probes_more_than_a_few_ports()
    {
        var scans = Label.All(Output).Where(l => l.Name == "port-scan").SelectMany(l => l.Entities("attackerIps")).ToHashSet();
        var perSource = Output.Flows.Where(f => !f.Allowed && !scans.Contains(f.Source))
            .GroupBy(f => f.Source).Select(g => g.Select(f => f.DestinationPort).Distinct().Count());
        Assert.All(perSource, n => Assert.True(n <= 5));
    }

    [Fact]
    public void Management_port_is_reached_from_the_internet_after_the_rule_opened_it()
    {
        var opened = Label.Named(Output, "cis-nsg-rule-open-to-internet");
        foreach (var label in Label.Named(Output, "management-port-from-internet"))
        {
            var source = label.Entity("attackerIps");
            var flows = Output.Flows.Where(f => f.Source == source && label.Covers(f.Time)).ToList();
            Assert.NotEmpty(flows);
            Assert.All(flows, f => Assert.True(f.Allowed && f.DestinationPort == 22 && f.Direction == 'I' && !f.Vnet));
            Assert.Contains(opened, o => o.End < label.Start && label.Start - o.End < TimeSpan.FromHours(1));
        }
    }

    [Fact]
    public void No_background_flow_reaches_a_management_port_from_a_public_address()
    {
        var labelled = Label.All(Output).SelectMany(l => l.Entities("attackerIps")).ToHashSet();
        static bool Private(string ip) => ip.StartsWith("10.", StringComparison.Ordinal) || ip.StartsWith("192.168.", StringComparison.Ordinal);
        Assert.DoesNotContain(Output.Flows, f => f.Allowed && f.Direction == 'I' && f.DestinationPort is 22 or 3389
            && !Private(f.Source) && !labelled.Contains(f.Source));
    }

    [Fact]
    public void Every_scenario_is_labelled_every_day_inside_the_generated_range()
    {
        var labels = Label.All(Output);
        Assert.Equal(16 * SampleFixture.Days, labels.Count);
        Assert.Equal(labels.Count, sample.Summary.ScenarioInstances);
        var start = GeneratorOptions.DefaultStart.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        Assert.All(labels, l =>
        {
            Assert.True(l.Start <= l.End);
            Assert.InRange(l.Start, start, start.AddDays(SampleFixture.Days));
            Assert.NotEmpty(l.Tables);
            Assert.NotEmpty(l.Json.GetProperty("entities").EnumerateObject());
        });
        Assert.Equal(labels.Count, labels.Select(l => l.Id).Distinct().Count());
    }
}
