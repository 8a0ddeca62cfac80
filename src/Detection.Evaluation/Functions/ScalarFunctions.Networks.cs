using System.Net;
using System.Net.Sockets;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> Networks() =>
    [
        // ipv4-is-private-function.md: 10/8, 172.16/12, 192.168/16; prefix notation accepted; unparseable → null.
        F("ipv4_is_private", KqlType.Bool, a => ParseV4(Text(a[0])) is { } ip
            ? InRange(ip.Address, 0x0A000000, 8) || InRange(ip.Address, 0xAC100000, 12) || InRange(ip.Address, 0xC0A80000, 16)
            : null),
        F("ipv4_is_in_range", KqlType.Bool, a => ParseV4(Text(a[0])) is { } ip && ParseV4(Text(a[1])) is { } range
            ? InRange(ip.Address, range.Address, range.Prefix)
            : null),
        F("ipv4_is_in_any_range", KqlType.Bool, a => ParseV4(Text(a[0])) is { } ip
            ? Ranges(a).Any(r => r is { } range && InRange(ip.Address, range.Address, range.Prefix))
            : null),
        F("ipv4_is_match", KqlType.Bool, a => Compare4(a) is int c ? c == 0 : null),
        F("ipv4_compare", KqlType.Int, a => Compare4(a)),
        F("parse_ipv4", KqlType.Long, a => ParseV4(Text(a[0])) is { } ip ? (long)(ip.Address & Mask(ip.Prefix)) : null),
        F("geo_info_from_ip_address", KqlType.Dynamic, _ => Values.Dyn.Bag([])),
    ];

    [ThreadStatic] private static (object? Argument, (uint Address, int Prefix)?[] Parsed) _lastRanges;

    /// <summary>
    /// The ranges of ipv4_is_in_any_range's arguments after the first, parsed. The usual form — one constant list, the
    /// same object row after row — is parsed once per thread, not once per row.
    /// </summary>
    private static (uint Address, int Prefix)?[] Ranges(object?[] a)
    {
        if (a.Length == 2 && a[1] is { } single && ReferenceEquals(_lastRanges.Argument, single)) return _lastRanges.Parsed;
        var parsed = a.Skip(1).SelectMany(r => Values.Dyn.IsArray(r) ? Values.Dyn.Elements(r) : [r]).Select(r => ParseV4(Text(r))).ToArray();
        if (a.Length == 2) _lastRanges = (a[1], parsed);
        return parsed;
    }

    private static object? Compare4(object?[] a)
    {
        if (ParseV4(Text(a[0])) is not { } x || ParseV4(Text(a[1])) is not { } y) return null;
        var prefix = Math.Min(Math.Min(x.Prefix, y.Prefix), (int)(Values.Kv.ToLong(Arg(a, 2)) ?? 32));
        var m = Mask(prefix);
        return (x.Address & m).CompareTo(y.Address & m);
    }

    private static bool InRange(uint ip, uint network, int prefix) => (ip & Mask(prefix)) == (network & Mask(prefix));

    private static uint Mask(int prefix) => prefix <= 0 ? 0 : prefix >= 32 ? uint.MaxValue : uint.MaxValue << (32 - prefix);

    private static (uint Address, int Prefix)? ParseV4(string text)
    {
        var slash = text.IndexOf('/');
        var prefix = 32;
        if (slash >= 0)
        {
            if (!int.TryParse(text[(slash + 1)..], out prefix) || prefix < 0 || prefix > 32) return null;
            text = text[..slash];
        }
        if (text.Count(c => c == '.') != 3 || !IPAddress.TryParse(text, out var ip) || ip.AddressFamily != AddressFamily.InterNetwork) return null;
        var bytes = ip.GetAddressBytes();
        return ((uint)(bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3]), prefix);
    }
}
