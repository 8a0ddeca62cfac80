using Detection.Generator.Randomness;
using Detection.Generator.World;

namespace Detection.Generator.Events;

/// <summary>
/// Turns a connection into the tuples one NIC logs: an allowed flow is B, then C every five minutes while it lasts,
/// then E, each with the counters since the previous tuple; a denied flow is a single B (the VNet writer makes it D).
/// </summary>
internal sealed class FlowFactory(Prng random)
{
    public IEnumerable<FlowTuple> Connection(VirtualMachine vm, string rule, string src, string dst, int srcPort, int dstPort,
        char protocol, char direction, DateTime start, double seconds, long packetsOut, long packetsIn)
    {
        FlowTuple Tuple(DateTime t, char state, long pOut, long pIn) => new()
        {
            Time = Truncate(vm, t), Vm = vm, Rule = rule, SourceIp = src, DestinationIp = dst, SourcePort = srcPort, DestinationPort = dstPort,
            Protocol = protocol, Direction = direction, Allowed = true, State = state,
            PacketsSrcToDst = pOut, BytesSrcToDst = pOut * random.Between(70, 900),
            PacketsDstToSrc = pIn, BytesDstToSrc = pIn * random.Between(70, 1400),
        };

        yield return Tuple(start, 'B', 0, 0);
        var slices = (int)(seconds / 300);
        var end = start.AddSeconds(seconds);
        for (var i = 1; i <= slices; i++)
        {
            var at = start.AddSeconds(300 * i);
            if (at >= end) break;
            yield return Tuple(at, 'C', Math.Max(1, packetsOut / (slices + 1)), Math.Max(1, packetsIn / (slices + 1)));
        }
        yield return Tuple(end, 'E', Math.Max(1, packetsOut / (slices + 1)), Math.Max(1, packetsIn / (slices + 1)));
    }

    public FlowTuple Denied(VirtualMachine vm, string rule, string src, string dst, int srcPort, int dstPort, char protocol, DateTime time) => new()
    {
        Time = Truncate(vm, time), Vm = vm, Rule = rule, SourceIp = src, DestinationIp = dst, SourcePort = srcPort, DestinationPort = dstPort,
        Protocol = protocol, Direction = 'I', Allowed = false, State = 'B',
    };

    /// <summary>Tuple times carry only what the format can say (seconds for NSG v2, milliseconds for VNet), so labels computed from them match the files.</summary>
    private static DateTime Truncate(VirtualMachine vm, DateTime t)
    {
        var unit = vm.FlowLog.Kind == FlowLogKind.NsgV2 ? TimeSpan.TicksPerSecond : TimeSpan.TicksPerMillisecond;
        return new DateTime(t.Ticks - t.Ticks % unit, DateTimeKind.Utc);
    }

    public int EphemeralPort() => random.Between(49152, 65535);
}
