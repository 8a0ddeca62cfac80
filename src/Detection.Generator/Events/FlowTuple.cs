using Detection.Generator.World;

namespace Detection.Generator.Events;

/// <summary>
/// One flow tuple seen at one NIC. <see cref="State"/> is B, C or E; a denied flow is one B tuple (NSG v2) or one D
/// tuple (VNet flow logs; the writer turns a denied B into D). Counters are per tuple, since the previous tuple of the flow.
/// </summary>
internal sealed class FlowTuple : LogEvent
{
    public required VirtualMachine Vm { get; init; }
    public required string Rule { get; init; }
    public required string SourceIp { get; init; }
    public required string DestinationIp { get; init; }
    public required int SourcePort { get; init; }
    public required int DestinationPort { get; init; }
    /// <summary>T or U.</summary>
    public required char Protocol { get; init; }
    /// <summary>I or O.</summary>
    public required char Direction { get; init; }
    public required bool Allowed { get; init; }
    public required char State { get; init; }
    public long PacketsSrcToDst { get; init; }
    public long BytesSrcToDst { get; init; }
    public long PacketsDstToSrc { get; init; }
    public long BytesDstToSrc { get; init; }
}
