using Detection.Generator.Randomness;

namespace Detection.Generator.World;

internal enum FlowLogKind { NsgV2, Vnet }

/// <summary>
/// One flow-log stream: an NSG with NSG flow logs (version 2) or a virtual network with VNet flow logs.
/// Blobs are written per stream, per NIC (MAC) and per hour, as Network Watcher does.
/// </summary>
internal sealed record FlowLogSource(FlowLogKind Kind, string Name, string ResourceId, string TargetResourceId, Guid Id, Guid AclId);

internal sealed record VirtualMachine(string Name, string ResourceGroup, string PrivateIp, string Mac, FlowLogSource FlowLog, string Purpose)
{
    public string ResourceId(string subscriptionId) => AzureEstate.Id(subscriptionId, ResourceGroup, "Microsoft.Compute/virtualMachines", Name);
}

/// <summary>The Azure subscription the activity log and flow logs describe: networks, NSGs, VMs and data services.</summary>
internal sealed class AzureEstate
{
    public const string Region = "westeurope";
    public const string BastionIp = "10.10.250.5";

    public required string SubscriptionId { get; init; }
    public required FlowLogSource NsgWeb { get; init; }
    public required FlowLogSource NsgApp { get; init; }
    public required FlowLogSource NsgMgmt { get; init; }
    public required FlowLogSource VnetData { get; init; }
    public required IReadOnlyList<VirtualMachine> VirtualMachines { get; init; }

    public IEnumerable<VirtualMachine> Where(string purpose) => VirtualMachines.Where(vm => vm.Purpose == purpose);
    public VirtualMachine Jump => VirtualMachines.First(vm => vm.Purpose == "jump");

    public string SqlServerId => Id(SubscriptionId, "rg-data-prod", "Microsoft.Sql/servers", "sql-prod-weu-01");
    public string KeyVaultId => Id(SubscriptionId, "rg-security", "Microsoft.KeyVault/vaults", "kv-prod-weu-01");
    public IReadOnlyList<string> StorageAccountIds =>
    [
        Id(SubscriptionId, "rg-data-prod", "Microsoft.Storage/storageAccounts", "stprodweu01"),
        Id(SubscriptionId, "rg-app-prod", "Microsoft.Storage/storageAccounts", "stappweu01"),
    ];

    public static readonly IReadOnlyList<(string Name, string DisplayName)> PolicyAssignments =
    [
        ("SecurityCenterBuiltIn", "ASC Default"), ("allowed-locations", "Allowed locations"), ("require-costcenter-tag", "Require a CostCenter tag"),
    ];

    public static string Id(string subscriptionId, string resourceGroup, string type, string name) =>
        $"/subscriptions/{subscriptionId}/resourceGroups/{resourceGroup}/providers/{type}/{name}";

    public static AzureEstate Build(Prng random)
    {
        var sub = random.NextGuid().ToString();
        FlowLogSource Nsg(string name) => new(FlowLogKind.NsgV2, name,
            Id(sub, "rg-network", "Microsoft.Network/networkSecurityGroups", name).ToUpperInvariant(),
            Id(sub, "rg-network", "Microsoft.Network/networkSecurityGroups", name), random.NextGuid(), random.NextGuid());
        var web = Nsg("nsg-web");
        var app = Nsg("nsg-app");
        var mgmt = Nsg("nsg-mgmt");
        var vnet = new FlowLogSource(FlowLogKind.Vnet, "fl-vnet-data-weu",
            $"/SUBSCRIPTIONS/{sub.ToUpperInvariant()}/RESOURCEGROUPS/NETWORKWATCHERRG/PROVIDERS/MICROSOFT.NETWORK/NETWORKWATCHERS/NETWORKWATCHER_WESTEUROPE/FLOWLOGS/FL-VNET-DATA-WEU",
            Id(sub, "rg-network", "Microsoft.Network/virtualNetworks", "vnet-data-weu"), random.NextGuid(), random.NextGuid());
        string Mac() => "000D3A" + (random.NextUInt64() & 0xFFFFFF).ToString("X6", System.Globalization.CultureInfo.InvariantCulture);
        return new AzureEstate
        {
            SubscriptionId = sub,
            NsgWeb = web,
            NsgApp = app,
            NsgMgmt = mgmt,
            VnetData = vnet,
            VirtualMachines =
            [
                new("vm-web-01", "rg-web-prod", "10.10.1.4", Mac(), web, "web"),
                new("vm-web-02", "rg-web-prod", "10.10.1.5", Mac(), web, "web"),
                new("vm-app-01", "rg-app-prod", "10.10.2.4", Mac(), app, "app"),
                new("vm-app-02", "rg-app-prod", "10.10.2.5", Mac(), app, "app"),
                new("vm-jump-01", "rg-mgmt", "10.10.3.4", Mac(), mgmt, "jump"),
                new("vm-etl-01", "rg-data-prod", "10.20.1.4", Mac(), vnet, "etl"),
                new("vm-db-01", "rg-data-prod", "10.20.1.5", Mac(), vnet, "db"),
            ],
        };
    }
}
