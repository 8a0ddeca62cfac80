using System.Globalization;
using System.Net;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Flows;

/// <summary>
/// One flow tuple → one row. NSG v2: time,src,dst,sport,dport,T|U,I|O,A|D,B|C|E,pkts→,bytes→,pkts←,bytes← (v1: the first 8).
/// VNet: time,src,dst,sport,dport,IANA protocol,I|O,B|C|E|D,encryption,pkts→,bytes→,pkts←,bytes←. Timestamps of 12 or more
/// digits are milliseconds, shorter ones seconds.
/// </summary>
internal sealed class FlowTupleWriter(TableSink sink, FlowColumns c)
{
    public string? Write(FlowSource source, string tuple)
    {
        var f = tuple.Split(',');
        if (source.IsVnet ? f.Length != 13 : f.Length is not (13 or 8))
            return $"expected {(source.IsVnet ? "13 fields (VNet flow log)" : "13 fields (NSG v2) or 8 (v1)")}, found {f.Length}";
        if (!long.TryParse(f[0], NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)) return $"timestamp '{f[0]}' is not a number";
        var time = f[0].Length >= 12 ? DateTime.UnixEpoch.AddMilliseconds(epoch) : DateTime.UnixEpoch.AddSeconds(epoch);
        if (!IPAddress.TryParse(f[1], out var src)) return $"source address '{f[1]}' is not an IP address";
        if (!IPAddress.TryParse(f[2], out var dst)) return $"destination address '{f[2]}' is not an IP address";
        if (!int.TryParse(f[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sport) || sport > 65535) return $"source port '{f[3]}' is not a port";
        if (!int.TryParse(f[4], NumberStyles.None, CultureInfo.InvariantCulture, out var dport) || dport > 65535) return $"destination port '{f[4]}' is not a port";
        var protocol = source.IsVnet
            ? f[5] switch { "6" => "T", "17" => "U", _ when int.TryParse(f[5], out _) => f[5], _ => null }
            : f[5] is "T" or "U" ? f[5] : null;
        if (protocol is null) return $"protocol '{f[5]}' is not {(source.IsVnet ? "an IANA protocol number" : "T or U")}";
        if (f[6] is not ("I" or "O")) return $"direction '{f[6]}' is not I or O";
        var inbound = f[6] == "I";
        string state;
        bool denied;
        if (source.IsVnet)
        {
            if (f[7] is not ("B" or "C" or "E" or "D")) return $"flow state '{f[7]}' is not B, C, E or D";
            state = f[7];
            denied = state == "D";
        }
        else
        {
            if (f[7] is not ("A" or "D")) return $"decision '{f[7]}' is not A or D";
            denied = f[7] == "D";
            state = f.Length == 13 ? f[8] : "";
            if (f.Length == 13 && state is not ("B" or "C" or "E")) return $"flow state '{state}' is not B, C or E";
        }
        var counters = new long[4];
        if (f.Length == 13)
        {
            for (var i = 0; i < 4; i++)
            {
                var text = f[9 + i];
                if (text.Length > 0 && !long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out counters[i]))
                    return $"counter '{text}' is not a number";
            }
        }

        var b = sink.Builder;
        Set(c.TimeGenerated, time);
        Set(c.FlowStartTime, time);
        Set(c.FlowEndTime, time);
        Set(c.SubType, "FlowLog");
        Set(c.FaSchemaVersion, "3");
        Set(c.FlowType, AddressClass.FlowType(src, dst));
        Set(c.SrcIp, f[1]);
        Set(c.DestIp, f[2]);
        if (c.SrcPort >= 0) b.SetInt(c.SrcPort, sport);
        Set(c.SrcPorts, f[3]);
        if (c.DestPort >= 0) b.SetInt(c.DestPort, dport);
        Set(c.L4Protocol, protocol);
        Set(c.L7Protocol, FlowColumns.L7ByPort.GetValueOrDefault(dport) ?? "");
        Set(c.FlowDirection, f[6]);
        Set(c.FlowStatus, denied ? "D" : "A");
        Set(c.NsgRule, source.Rule);
        Set(c.NsgRuleType, source.Rule is null ? null : source.Rule.StartsWith("DefaultRule_", StringComparison.OrdinalIgnoreCase) ? "Default" : "User Defined");
        Set(c.NsgList, NsgList(source.NsgResourceId));
        Set(c.MacAddress, source.Mac);
        Set(c.TargetResourceId, source.TargetResourceId);
        Set(c.TargetResourceType, ResourceType(source));
        Set(c.FlowLogResourceId, source.FlowLogResourceId);
        Set(c.AclGroup, source.AclGroup);
        Set(c.AclRule, source.IsVnet ? source.Rule : null);
        if (source.IsVnet) Set(c.FlowEncryption, f[8]);
        Count(c.AllowedInFlows, inbound && !denied);
        Count(c.DeniedInFlows, inbound && denied);
        Count(c.AllowedOutFlows, !inbound && !denied);
        Count(c.DeniedOutFlows, !inbound && denied);
        if (f.Length == 13)
        {
            Long(c.PacketsSrcToDest, counters[0]);
            Long(c.BytesSrcToDest, counters[1]);
            Long(c.PacketsDestToSrc, counters[2]);
            Long(c.BytesDestToSrc, counters[3]);
            Count(c.CompletedFlows, state == "E");
            var peer = $"|{(state == "B" ? 1 : 0)}|{(state == "E" ? 1 : 0)}|{counters[0]}|{counters[2]}|{counters[1]}|{counters[3]}";
            if (!AddressClass.IsPrivate(src)) Set(c.SrcPublicIps, f[1] + peer);
            if (!AddressClass.IsPrivate(dst)) Set(c.DestPublicIps, f[2] + peer);
        }
        else
        {
            if (!AddressClass.IsPrivate(src)) Set(c.SrcPublicIps, f[1]);
            if (!AddressClass.IsPrivate(dst)) Set(c.DestPublicIps, f[2]);
        }
        sink.Commit();
        return null;
    }

    private void Set(int column, string? value)
    {
        if (column >= 0 && !string.IsNullOrEmpty(value)) sink.Builder.SetString(column, value);
    }

    private void Set(int column, DateTime value)
    {
        if (column >= 0) sink.StageDateTime(column, value);
    }

    private void Long(int column, long value)
    {
        if (column >= 0) sink.Builder.SetLong(column, value);
    }

    private void Count(int column, bool one) => Long(column, one ? 1 : 0);

    /// <summary>Traffic Analytics writes the NSG as SUBSCRIPTIONID/RESOURCEGROUP/NSGNAME.</summary>
    private static string? NsgList(string? resourceId)
    {
        if (resourceId is null) return null;
        var parts = resourceId.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 8) return null;
        return $"{parts[1]}/{parts[3]}/{parts[^1]}";
    }

    private static string? ResourceType(FlowSource source)
    {
        if (!source.IsVnet) return source.TargetResourceId is null ? null : "NSG";
        var id = source.TargetResourceId ?? "";
        var parts = id.Split('/', StringSplitOptions.RemoveEmptyEntries);
        var type = parts.Length >= 2 ? parts[^2] : "";
        return type.ToLowerInvariant() switch
        {
            "virtualnetworks" => "VirtualNetwork",
            "subnets" => "Subnet",
            "networkinterfaces" => "NetworkInterface",
            _ => type.Length == 0 ? null : type,
        };
    }
}
