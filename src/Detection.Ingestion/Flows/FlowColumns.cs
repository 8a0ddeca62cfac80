using Detection.Kql.Symbols;

namespace Detection.Ingestion.Flows;

/// <summary>The NTANetAnalytics column ordinals a flow tuple fills (-1 when a custom schema lacks one).</summary>
internal sealed class FlowColumns(TableSymbol t)
{
    public readonly int TimeGenerated = t.IndexOf("TimeGenerated");
    public readonly int SubType = t.IndexOf("SubType");
    public readonly int FaSchemaVersion = t.IndexOf("FaSchemaVersion");
    public readonly int FlowType = t.IndexOf("FlowType");
    public readonly int FlowStartTime = t.IndexOf("FlowStartTime");
    public readonly int FlowEndTime = t.IndexOf("FlowEndTime");
    public readonly int SrcIp = t.IndexOf("SrcIp");
    public readonly int DestIp = t.IndexOf("DestIp");
    public readonly int SrcPort = t.IndexOf("SrcPort");
    public readonly int SrcPorts = t.IndexOf("SrcPorts");
    public readonly int DestPort = t.IndexOf("DestPort");
    public readonly int L4Protocol = t.IndexOf("L4Protocol");
    public readonly int L7Protocol = t.IndexOf("L7Protocol");
    public readonly int FlowDirection = t.IndexOf("FlowDirection");
    public readonly int FlowStatus = t.IndexOf("FlowStatus");
    public readonly int NsgList = t.IndexOf("NsgList");
    public readonly int NsgRule = t.IndexOf("NsgRule");
    public readonly int NsgRuleType = t.IndexOf("NsgRuleType");
    public readonly int MacAddress = t.IndexOf("MacAddress");
    public readonly int TargetResourceId = t.IndexOf("TargetResourceId");
    public readonly int TargetResourceType = t.IndexOf("TargetResourceType");
    public readonly int FlowLogResourceId = t.IndexOf("FlowLogResourceId");
    public readonly int FlowEncryption = t.IndexOf("FlowEncryption");
    public readonly int AllowedInFlows = t.IndexOf("AllowedInFlows");
    public readonly int DeniedInFlows = t.IndexOf("DeniedInFlows");
    public readonly int AllowedOutFlows = t.IndexOf("AllowedOutFlows");
    public readonly int DeniedOutFlows = t.IndexOf("DeniedOutFlows");
    public readonly int PacketsSrcToDest = t.IndexOf("PacketsSrcToDest");
    public readonly int BytesSrcToDest = t.IndexOf("BytesSrcToDest");
    public readonly int PacketsDestToSrc = t.IndexOf("PacketsDestToSrc");
    public readonly int BytesDestToSrc = t.IndexOf("BytesDestToSrc");
    public readonly int CompletedFlows = t.IndexOf("CompletedFlows");
    public readonly int SrcPublicIps = t.IndexOf("SrcPublicIps");
    public readonly int DestPublicIps = t.IndexOf("DestPublicIps");
    public readonly int AclGroup = t.IndexOf("AclGroup");
    public readonly int AclRule = t.IndexOf("AclRule");

    /// <summary>Well-known destination ports → L7Protocol, the names Traffic Analytics uses.</summary>
    public static readonly Dictionary<int, string> L7ByPort = new()
    {
        [20] = "ftp", [21] = "ftp", [22] = "ssh", [23] = "telnet", [25] = "smtp", [53] = "dns", [80] = "http",
        [88] = "kerberos", [123] = "ntp", [135] = "msrpc", [137] = "netbios", [139] = "netbios", [143] = "imap",
        [389] = "ldap", [443] = "https", [445] = "smb", [636] = "ldaps", [993] = "imaps", [1433] = "mssql",
        [3306] = "mysql", [3389] = "rdp", [5432] = "postgresql", [5985] = "winrm", [5986] = "winrm", [8080] = "http",
    };
}
