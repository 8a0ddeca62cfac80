using System.Net;
using System.Net.Sockets;
using System.Numerics;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> MoreNetworks() =>
    [
        F("ipv4_netmask_suffix", KqlType.Int, a => ParseV4(Text(a[0])) is { } ip ? ip.Prefix : null),
        F("parse_ipv4_mask", KqlType.Long, a => ParseV4(Text(a[0])) is { } ip && Kv.ToLong(a[1]) is { } p and >= 0 and <= 32
            ? (long)(ip.Address & Mask((int)p)) : null),
        F("format_ipv4", KqlType.String, a => FormatV4(a[0], Kv.ToLong(Arg(a, 1)) ?? 32, withPrefix: false)),
        F("format_ipv4_mask", KqlType.String, a => FormatV4(a[0], Kv.ToLong(Arg(a, 1)) ?? 32, withPrefix: true)),
        // has_ipv4 (has-ipv4-function.md): the address appears with a non-address character (or the edge) on both sides.
        F("has_ipv4", KqlType.Bool, a => ParseV4(Text(a[1])) is null ? null : Ipv4sIn(Text(a[0])).Contains(Text(a[1]))),
        F("has_ipv4_prefix", KqlType.Bool, a => Ipv4sIn(Text(a[0])).Any(ip => ip.StartsWith(Text(a[1]), StringComparison.Ordinal))),
        F("has_any_ipv4", KqlType.Bool, a =>
        {
            var found = Ipv4sIn(Text(a[0])).ToHashSet(StringComparer.Ordinal);
            return a.Skip(1).SelectMany(x => Dyn.IsArray(x) ? Dyn.Elements(x) : [x]).Any(x => found.Contains(Text(x)));
        }),
        F("parse_ipv6", KqlType.String, a => ParseV6(Text(a[0])) is { } ip ? FormatV6(ip.Address & Mask6(ip.Prefix)) : ""),
        F("parse_ipv6_mask", KqlType.String, a => ParseV6(Text(a[0])) is { } ip && Kv.ToLong(a[1]) is { } p
            ? FormatV6(ip.Address & Mask6(Math.Min(ip.Prefix, (int)p))) : ""),
        F("ipv6_compare", KqlType.Int, a => Compare6(a)),
        F("ipv6_is_match", KqlType.Bool, a => Compare6(a) is int c ? c == 0 : null),
        F("ipv6_is_in_range", KqlType.Bool, a => ParseV6(Text(a[0])) is { } ip && ParseV6(Text(a[1])) is { } range
            ? (ip.Address & Mask6(range.Prefix)) == (range.Address & Mask6(range.Prefix)) : null),
        F("ipv6_is_in_any_range", KqlType.Bool, a => ParseV6(Text(a[0])) is { } ip
            ? a.Skip(1).SelectMany(r => Dyn.IsArray(r) ? Dyn.Elements(r) : [r]).Select(r => ParseV6(Text(r)))
                .Any(r => r is { } range && (ip.Address & Mask6(range.Prefix)) == (range.Address & Mask6(range.Prefix)))
            : null),
    ];

    private static IEnumerable<string> Ipv4sIn(string text) =>
        RegexCache.Get(@"(?<![\d.])(\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3})(?![\d.])").Matches(text).Select(m => m.Value).Where(ip => ParseV4(ip) is not null);

    private static object? FormatV4(object? value, long prefix, bool withPrefix)
    {
        var parsed = Kv.ToLong(value) is { } n && value is not string ? ((uint)n, 32) : ParseV4(Text(value));
        if (parsed is not { } ip || prefix is < 0 or > 32) return "";
        var masked = ip.Item1 & Mask((int)Math.Min(prefix, ip.Item2));
        var text = $"{masked >> 24}.{(masked >> 16) & 255}.{(masked >> 8) & 255}.{masked & 255}";
        return withPrefix ? $"{text}/{Math.Min(prefix, ip.Item2)}" : text;
    }

    private static object? Compare6(object?[] a)
    {
        if (ParseV6(Text(a[0])) is not { } x || ParseV6(Text(a[1])) is not { } y) return null;
        var prefix = Math.Min(Math.Min(x.Prefix, y.Prefix), (int)(Kv.ToLong(Arg(a, 2)) ?? 128));
        var m = Mask6(prefix);
        return (x.Address & m).CompareTo(y.Address & m);
    }

    private static BigInteger Mask6(int prefix) =>
        prefix <= 0 ? BigInteger.Zero : ((BigInteger.One << 128) - 1) ^ ((BigInteger.One << (128 - Math.Min(prefix, 128))) - 1);

    /// <summary>An IPv6 address (an IPv4 one is taken as ::ffff:a.b.c.d) with an optional /prefix.</summary>
    private static (BigInteger Address, int Prefix)? ParseV6(string text)
    {
        var slash = text.IndexOf('/');
        var prefix = 128;
        if (slash >= 0)
        {
            if (!int.TryParse(text[(slash + 1)..], out prefix) || prefix < 0 || prefix > 128) return null;
            text = text[..slash];
        }
        if (!IPAddress.TryParse(text, out var ip)) return null;
        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            ip = ip.MapToIPv6();
            if (slash >= 0) prefix += 96;
        }
        return (new BigInteger(ip.GetAddressBytes(), isUnsigned: true, isBigEndian: true), prefix);
    }

    private static string FormatV6(BigInteger address)
    {
        var bytes = address.ToByteArray(isUnsigned: true, isBigEndian: true);
        var full = new byte[16];
        bytes.CopyTo(full, 16 - bytes.Length);
        return string.Join(":", Enumerable.Range(0, 8).Select(i => ((full[2 * i] << 8) | full[2 * i + 1]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)));
    }
}
