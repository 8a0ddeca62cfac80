using System.Net;
using System.Net.Sockets;

namespace Detection.Ingestion.Flows;

/// <summary>
/// Private versus public addresses, and the Traffic Analytics FlowType we can derive from them without topology:
/// RFC 1918, CGNAT 100.64/10, link-local, loopback and IPv6 ULA are private.
/// </summary>
internal static class AddressClass
{
    public static bool IsPrivate(IPAddress address)
    {
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            if (address.IsIPv4MappedToIPv6) return IsPrivate(address.MapToIPv4());
            var b = address.GetAddressBytes();
            return IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || (b[0] & 0xFE) == 0xFC;
        }
        Span<byte> v4 = stackalloc byte[4];
        address.TryWriteBytes(v4, out _);
        return v4[0] == 10
            || (v4[0] == 172 && (v4[1] & 0xF0) == 16)
            || (v4[0] == 192 && v4[1] == 168)
            || (v4[0] == 100 && (v4[1] & 0xC0) == 64)
            || (v4[0] == 169 && v4[1] == 254)
            || v4[0] == 127;
    }

    /// <summary>IntraVNet when both ends are private, ExternalPublic when either is public, Unknown when an address does not parse.</summary>
    public static string FlowType(IPAddress? source, IPAddress? destination)
    {
        if (source is null || destination is null) return "Unknown";
        return IsPrivate(source) && IsPrivate(destination) ? "IntraVNet" : "ExternalPublic";
    }
}
