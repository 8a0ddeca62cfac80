using Detection.Generator.Events;
using Detection.Generator.Randomness;
using Detection.Generator.World;

namespace Detection.Generator.Scenarios;

/// <summary>
/// The CIS Microsoft Azure Foundations 5.2 activity-log alert operations, one scenario each, done by an admin from
/// the office. Each is an ARM operation with Start (and Accept) and Success records sharing a correlation id.
/// </summary>
internal abstract class CisChange : IScenario
{
    public abstract string Name { get; }
    public abstract string Description { get; }
    public IReadOnlyList<string> Techniques => ["T1562.007", "T1562.008", "T1578"];
    protected abstract double Hour { get; }
    protected abstract IEnumerable<ActivityEvent> Operation(DayContext day, Prng random, ActivityFactory activity, Caller caller, ScenarioEntities entities);

    public void Inject(DayContext day, ScenarioEntities entities)
    {
        var random = ScenarioTools.Random(day, this);
        var admin = ScenarioTools.Admin(day, random);
        var caller = ActivityFactory.Caller(admin, admin.Office);
        entities.Add("accounts", admin.UserPrincipalName).Add("ips", admin.Office.Ip);
        foreach (var e in Operation(day, random, new ActivityFactory(random), caller, entities)) day.Emit(e);
    }

    /// <summary>When the operation starts on <paramref name="day"/> (other scenarios may depend on it).</summary>
    public DateTime StartTime(DayContext day) => ScenarioTools.At(day, day.Random($"scenario/{Name}/time"), Hour, 10);
}

internal sealed class NsgRuleOpenToInternet : CisChange
{
    public const string RuleName = "AllowSshInternet";
    public override string Name => "cis-nsg-rule-open-to-internet";
    public override string Description => $"CIS 5.2: NSG rule created that allows SSH (22) inbound from any source ('*'): Microsoft.Network/networkSecurityGroups/securityRules/write on nsg-mgmt/{RuleName}.";
    protected override double Hour => 10.0;

    protected override IEnumerable<ActivityEvent> Operation(DayContext day, Prng random, ActivityFactory activity, Caller caller, ScenarioEntities entities)
    {
        var nsg = day.World.Estate.NsgMgmt.TargetResourceId;
        var rule = $"{nsg}/securityRules/{RuleName}";
        entities.Add("resources", rule).Add("ports", "22");
        const string body = """{"properties":{"protocol":"Tcp","sourcePortRange":"*","destinationPortRange":"22","sourceAddressPrefix":"*","destinationAddressPrefix":"*","access":"Allow","priority":100,"direction":"Inbound"}}""";
        return activity.Operation(StartTime(day), caller, "Microsoft.Network/networkSecurityGroups/securityRules/write", rule, body,
            $$$"""{"name":"{{{RuleName}}}","id":"{{{rule}}}","properties":{"provisioningState":"Succeeded","protocol":"Tcp","sourcePortRange":"*","destinationPortRange":"22","sourceAddressPrefix":"*","destinationAddressPrefix":"*","access":"Allow","priority":100,"direction":"Inbound"}}""",
            successCode: "Created");
    }
}

internal sealed class SqlFirewallOpenToAll : CisChange
{
    public override string Name => "cis-sql-firewall-open-to-all";
    public override string Description => "CIS 5.2: SQL server firewall rule 0.0.0.0-255.255.255.255 created: Microsoft.Sql/servers/firewallRules/write.";
    protected override double Hour => 11.25;

    protected override IEnumerable<ActivityEvent> Operation(DayContext day, Prng random, ActivityFactory activity, Caller caller, ScenarioEntities entities)
    {
        var rule = $"{day.World.Estate.SqlServerId}/firewallRules/AllowAll";
        entities.Add("resources", rule);
        return activity.Operation(StartTime(day), caller, "Microsoft.Sql/servers/firewallRules/write", rule,
            """{"properties":{"startIpAddress":"0.0.0.0","endIpAddress":"255.255.255.255"}}""",
            """{"properties":{"startIpAddress":"0.0.0.0","endIpAddress":"255.255.255.255"},"name":"AllowAll","type":"Microsoft.Sql/servers/firewallRules"}""");
    }
}

internal sealed class PolicyAssignmentDeleted : CisChange
{
    public override string Name => "cis-policy-assignment-deleted";
    public override string Description => "CIS 5.2: policy assignment deleted: Microsoft.Authorization/policyAssignments/delete at subscription scope.";
    protected override double Hour => 12.5;

    protected override IEnumerable<ActivityEvent> Operation(DayContext day, Prng random, ActivityFactory activity, Caller caller, ScenarioEntities entities)
    {
        var (name, _) = random.Pick(AzureEstate.PolicyAssignments);
        var id = $"/subscriptions/{day.World.Estate.SubscriptionId}/providers/Microsoft.Authorization/policyAssignments/{name}";
        entities.Add("resources", id);
        return activity.Operation(StartTime(day), caller, "Microsoft.Authorization/policyAssignments/delete", id);
    }
}

internal sealed class DiagnosticSettingsDeleted : CisChange
{
    public override string Name => "cis-diagnostic-settings-deleted";
    public override string Description => "Diagnostic settings removed from the Key Vault (its logs stop flowing to the SIEM): microsoft.insights/diagnosticSettings/delete.";
    protected override double Hour => 16.75;

    protected override IEnumerable<ActivityEvent> Operation(DayContext day, Prng random, ActivityFactory activity, Caller caller, ScenarioEntities entities)
    {
        var id = $"{day.World.Estate.KeyVaultId}/providers/microsoft.insights/diagnosticSettings/kv-to-sentinel";
        entities.Add("resources", id);
        return activity.Operation(StartTime(day), caller, "microsoft.insights/diagnosticSettings/delete", id);
    }
}

internal sealed class PublicIpCreated : CisChange
{
    public override string Name => "cis-public-ip-created";
    public override string Description => "CIS 5.2: public IP address created for the jump host: Microsoft.Network/publicIPAddresses/write (long-running: Start, Accept, Success).";
    protected override double Hour => 9.5;

    protected override IEnumerable<ActivityEvent> Operation(DayContext day, Prng random, ActivityFactory activity, Caller caller, ScenarioEntities entities)
    {
        var id = AzureEstate.Id(day.World.Estate.SubscriptionId, "rg-mgmt", "Microsoft.Network/publicIPAddresses", "pip-jump-01");
        entities.Add("resources", id);
        return activity.Operation(StartTime(day), caller, "Microsoft.Network/publicIPAddresses/write", id,
            """{"location":"westeurope","sku":{"name":"Standard"},"properties":{"publicIPAllocationMethod":"Static","publicIPAddressVersion":"IPv4"}}""",
            """{"name":"pip-jump-01","type":"Microsoft.Network/publicIPAddresses","location":"westeurope","properties":{"provisioningState":"Succeeded","publicIPAllocationMethod":"Static","publicIPAddressVersion":"IPv4"}}""",
            longRunning: true, successCode: "Created");
    }
}
