namespace Detection.Ingestion.Tests;

/// <summary>NSG (v1, v2) and VNet flow logs: one NTANetAnalytics row per flow tuple.</summary>
public sealed class FlowLogTests
{
    [Fact]
    public void NsgFlowTuplesBecomeOneRowEach()
    {
        var result = Load.Files(Load.Fixture("nsg-flow.json"));
        Assert.Empty(result.Rejections);
        var t = result.Tables["NTANetAnalytics"];
        Assert.Equal(5, t.RowCount);
        // Tuple 1: "1542110402,192.0.2.190,10.5.16.4,28746,443,U,I,D,B,,,,"
        Assert.Equal(DateTime.UnixEpoch.AddSeconds(1542110402), t.Cell(0, "TimeGenerated"));
        Assert.Equal("192.0.2.190", t.Cell(0, "SrcIp"));
        Assert.Equal("10.5.16.4", t.Cell(0, "DestIp"));
        Assert.Equal(28746, t.Cell(0, "SrcPort"));
        Assert.Equal(443, t.Cell(0, "DestPort"));
        Assert.Equal("U", t.Cell(0, "L4Protocol"));
        Assert.Equal("I", t.Cell(0, "FlowDirection"));
        Assert.Equal("D", t.Cell(0, "FlowStatus"));
        Assert.Equal(1L, t.Cell(0, "DeniedInFlows"));
        Assert.Equal(0L, t.Cell(0, "AllowedInFlows"));
        Assert.Equal("DefaultRule_DenyAllInBound", t.Cell(0, "NsgRule"));
        Assert.Equal("Default", t.Cell(0, "NsgRuleType"));
        Assert.Equal("AAAA0A0A-0000-0000-0000-000000000000/FABRIKAMRG/FABRIAKMVM1-NSG", t.Cell(0, "NsgList"));
        Assert.Equal("000D3AF87856", t.Cell(0, "MacAddress"));
        Assert.Equal("ExternalPublic", t.Cell(0, "FlowType"));
        Assert.StartsWith("192.0.2.190|1|0|", (string)t.Cell(0, "SrcPublicIps")!);
        // Tuple 3: "...,T,O,A,E,1,66,1,66"
        Assert.Equal(1L, t.Cell(2, "PacketsSrcToDest"));
        Assert.Equal(66L, t.Cell(2, "BytesDestToSrc"));
        Assert.Equal(1L, t.Cell(2, "CompletedFlows"));
        Assert.Equal(1L, t.Cell(2, "AllowedOutFlows"));
        Assert.Equal("https", t.Cell(2, "L7Protocol"));
        // The version 1 record: 8 fields, no counters.
        Assert.Equal("IntraVNet", t.Cell(4, "FlowType"));
        Assert.Equal("rdp", t.Cell(4, "L7Protocol"));
        Assert.Equal("User Defined", t.Cell(4, "NsgRuleType"));
        Assert.Null(t.Cell(4, "BytesSrcToDest"));
    }

    [Fact]
    public void VnetFlowTuplesUseProtocolNumbersStatesAndMilliseconds()
    {
        var result = Load.Files(Load.Fixture("vnet-flow.json"));
        Assert.Empty(result.Rejections);
        var t = result.Tables["NTANetAnalytics"];
        Assert.Equal(3, t.RowCount);
        Assert.Equal(DateTime.UnixEpoch.AddMilliseconds(1663146003599), t.Cell(0, "FlowStartTime"));
        Assert.Equal("T", t.Cell(0, "L4Protocol"));
        Assert.Equal("A", t.Cell(0, "FlowStatus"));
        Assert.Equal("NX", t.Cell(0, "FlowEncryption"));
        Assert.Equal("00224871C205", t.Cell(0, "MacAddress"));
        Assert.Equal("VirtualNetwork", t.Cell(0, "TargetResourceType"));
        Assert.Equal("00000000-1234-abcd-ef00-c1c2c3c4c5c6", t.Cell(0, "AclGroup"));
        Assert.Equal(767L, t.Cell(1, "BytesSrcToDest"));
        Assert.Equal(1580L, t.Cell(1, "BytesDestToSrc"));
        Assert.Equal("D", t.Cell(2, "FlowStatus"));
        Assert.Equal(1L, t.Cell(2, "DeniedInFlows"));
        Assert.Equal("BlockHighRiskTCPPortsFromInternet", t.Cell(2, "NsgRule"));
        Assert.Equal("ssh", t.Cell(2, "L7Protocol"));
    }

    [Fact]
    public void ABadTupleIsRejectedAloneWithItsPosition()
    {
        using var dir = new Detection.Testing.TempDirectory();
        File.WriteAllText(dir.File("nsg.json"), """
            {"records":[{"time":"2018-11-13T12:00:35Z","category":"NetworkSecurityGroupFlowEvent","resourceId":"/x","properties":{"Version":2,"flows":[{"rule":"r","flows":[{"mac":"m","flowTuples":["1542110377,10.5.16.4,203.0.113.118,59831,443,T,O,A,B,,,,","1542110377,not-an-ip,203.0.113.118,59831,443,T,O,A,B,,,,","1542110377,10.5.16.4"]}]}]}}]}
            """);
        var result = Load.Files(dir.Path);
        Assert.Equal(1, result.RowsByTable["NTANetAnalytics"]);
        Assert.Equal(2, result.Rejections.Count);
        Assert.Contains("flow tuple 2", result.Rejections[0].Reason);
        Assert.Contains("source address 'not-an-ip'", result.Rejections[0].Reason);
        Assert.Contains("found 2", result.Rejections[1].Reason);
        Assert.Equal(1, result.Rejections[1].Record);
    }
}
