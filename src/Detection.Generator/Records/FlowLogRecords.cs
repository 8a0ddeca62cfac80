using System.Globalization;
using System.Text;
using System.Text.Json;
using Detection.Generator.Events;
using Detection.Generator.World;

namespace Detection.Generator.Records;

/// <summary>
/// Writes one minute of one NIC's flow tuples as an NSG flow log version 2 record or a VNet flow log record
/// (FORMATS.md (b)). Rules keep the order of their first tuple; tuples keep time order.
/// </summary>
internal static class FlowLogRecords
{
    public static void Write(Utf8JsonWriter w, FlowLogSource source, VirtualMachine vm, DateTime recordTime, Guid systemId, IReadOnlyList<FlowTuple> tuples)
    {
        var byRule = tuples.GroupBy(t => t.Rule).ToList();
        w.WriteStartObject();
        w.WriteString("time", Wire.Time(recordTime));
        if (source.Kind == FlowLogKind.NsgV2)
        {
            w.WriteString("systemId", Wire.Guid(systemId));
            w.WriteString("macAddress", vm.Mac);
            w.WriteString("category", Categories.NsgFlowEvent);
            w.WriteString("resourceId", source.ResourceId);
            w.WriteString("operationName", "NetworkSecurityGroupFlowEvents");
            w.WriteStartObject("properties");
            w.WriteNumber("Version", 2);
            w.WriteStartArray("flows");
            foreach (var group in byRule)
            {
                w.WriteStartObject();
                w.WriteString("rule", group.Key);
                w.WriteStartArray("flows");
                w.WriteStartObject();
                w.WriteString("mac", vm.Mac);
                w.WriteStartArray("flowTuples");
                foreach (var t in group) w.WriteStringValue(NsgTuple(t));
                w.WriteEndArray();
                w.WriteEndObject();
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNumber("flowLogVersion", 4);
            w.WriteString("flowLogGUID", Wire.Guid(source.Id));
            w.WriteString("macAddress", vm.Mac);
            w.WriteString("category", Categories.VnetFlowEvent);
            w.WriteString("flowLogResourceID", source.ResourceId);
            w.WriteString("targetResourceID", source.TargetResourceId);
            w.WriteString("operationName", "FlowLogFlowEvent");
            w.WriteStartObject("flowRecords");
            w.WriteStartArray("flows");
            w.WriteStartObject();
            w.WriteString("aclID", Wire.Guid(source.AclId));
            w.WriteStartArray("flowGroups");
            foreach (var group in byRule)
            {
                w.WriteStartObject();
                w.WriteString("rule", group.Key);
                w.WriteStartArray("flowTuples");
                foreach (var t in group) w.WriteStringValue(VnetTuple(t));
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>13 fields; epoch seconds; counters empty in a B tuple.</summary>
    public static string NsgTuple(FlowTuple t)
    {
        var sb = new StringBuilder(80);
        sb.Append(CultureInfo.InvariantCulture, $"{Wire.UnixSeconds(t.Time)},{t.SourceIp},{t.DestinationIp},{t.SourcePort},{t.DestinationPort},");
        sb.Append(t.Protocol).Append(',').Append(t.Direction).Append(',').Append(t.Allowed ? 'A' : 'D').Append(',').Append(t.State).Append(',');
        if (t.State == 'B') sb.Append(",,,");
        else sb.Append(CultureInfo.InvariantCulture, $"{t.PacketsSrcToDst},{t.BytesSrcToDst},{t.PacketsDstToSrc},{t.BytesDstToSrc}");
        return sb.ToString();
    }

    /// <summary>13 fields; epoch milliseconds; IANA protocol number; state D for denied; encryption NX.</summary>
    public static string VnetTuple(FlowTuple t)
    {
        var state = t.Allowed ? t.State : 'D';
        var protocol = t.Protocol == 'T' ? 6 : 17;
        var counters = state is 'B' or 'D'
            ? "0,0,0,0"
            : string.Create(CultureInfo.InvariantCulture, $"{t.PacketsSrcToDst},{t.BytesSrcToDst},{t.PacketsDstToSrc},{t.BytesDstToSrc}");
        return string.Create(CultureInfo.InvariantCulture,
            $"{Wire.UnixMilliseconds(t.Time)},{t.SourceIp},{t.DestinationIp},{t.SourcePort},{t.DestinationPort},{protocol},{t.Direction},{state},NX,{counters}");
    }
}
