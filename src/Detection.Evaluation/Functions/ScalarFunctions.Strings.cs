using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> Strings() =>
    [
        F("strlen", KqlType.Long, a => (long)Text(a[0]).Length),
        F("tolower", KqlType.String, a => Text(a[0]).ToLowerInvariant()),
        F("toupper", KqlType.String, a => Text(a[0]).ToUpperInvariant()),
        F("strcat", KqlType.String, a => string.Concat(a.Select(Text))),
        F("strcat_delim", KqlType.String, a => string.Join(Text(a[0]), a.Skip(1).Select(Text))),
        F("strcat_array", KqlType.String, a => string.Join(Text(a[1]), Dyn.Elements(a[0]).Select(Text))),
        F("substring", KqlType.String, a => Substring(Text(a[0]), Kv.ToLong(a[1]), Arg(a, 2) is null ? null : Kv.ToLong(a[2]), a.Length > 2)),
        F("split", KqlType.Dynamic, a => Split(Text(a[0]), Text(a[1]), a.Length > 2 ? Kv.ToLong(a[2]) : null, a.Length > 2)),
        F("indexof", KqlType.Long, a => IndexOf(Text(a[0]), Text(a[1]), Kv.ToLong(Arg(a, 2)) ?? 0)),
        F("replace_string", KqlType.String, a => Text(a[1]).Length == 0 ? Text(a[0]) : Text(a[0]).Replace(Text(a[1]), Text(a[2]), StringComparison.Ordinal)),
        F("replace_regex", KqlType.String, a => RegexCache.Get(Text(a[1])).Replace(Text(a[0]), DotNetReplacement(Text(a[2])))),
        F("replace", KqlType.String, a => RegexCache.Get(Text(a[0])).Replace(Text(a[2]), DotNetReplacement(Text(a[1])))),
        F("trim", KqlType.String, a => Trim(Text(a[0]), Text(a[1]), true, true)),
        F("trim_start", KqlType.String, a => Trim(Text(a[0]), Text(a[1]), true, false)),
        F("trim_end", KqlType.String, a => Trim(Text(a[0]), Text(a[1]), false, true)),
        F("reverse", KqlType.String, a => new string(Text(a[0]).Reverse().ToArray())),
        F("countof", KqlType.Long, a => CountOf(Text(a[0]), Text(a[1]), Arg(a, 2) is { } k && Text(k) == "regex")),
        F("extract_all", KqlType.Dynamic, a => ExtractAll(Text(a[0]), a.Length > 2 ? Dyn.Elements(a[1]).ToList() : null, Text(a.Length > 2 ? a[2] : a[1]))),
        F("url_decode", KqlType.String, a => Uri.UnescapeDataString(Text(a[0]).Replace('+', ' '))),
        F("url_encode", KqlType.String, a => Uri.EscapeDataString(Text(a[0]))),
        F("url_encode_component", KqlType.String, a => Uri.EscapeDataString(Text(a[0]))),
        F("base64_encode_tostring", KqlType.String, a => Convert.ToBase64String(Encoding.UTF8.GetBytes(Text(a[0])))),
        F("base64_decode_tostring", KqlType.String, a => Base64Decode(Text(a[0]))),
        F("hash_sha256", KqlType.String, a => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Text(a[0]))))),
        F("hash_md5", KqlType.String, a => Convert.ToHexStringLower(MD5.HashData(Encoding.UTF8.GetBytes(Text(a[0]))))),
        F("hash_sha1", KqlType.String, a => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(Text(a[0]))))),
        F("string_size", KqlType.Long, a => (long)Encoding.UTF8.GetByteCount(Text(a[0]))),
        F("strrep", KqlType.String, a => string.Join(Arg(a, 2) is { } d ? Text(d) : "", Enumerable.Repeat(Text(a[0]), (int)Math.Max(0, Kv.ToLong(a[1]) ?? 0)))),
        F("isascii", KqlType.Bool, a => Text(a[0]).All(char.IsAscii)),
    ];

    /// <summary><c>substring(s, start[, length])</c>: clipped to the string; null arguments give "".</summary>
    private static string Substring(string s, long? start, long? length, bool hasLength)
    {
        if (start is null || (hasLength && length is null)) return "";
        var from = (int)Math.Clamp(start.Value, 0, s.Length);
        var count = hasLength ? (int)Math.Clamp(length!.Value, 0, s.Length - from) : s.Length - from;
        return s.Substring(from, count);
    }

    /// <summary><c>split</c> always returns an array (split-function.md); with an index, the one-element array or [] when out of range.</summary>
    private static object? Split(string s, string delimiter, long? index, bool hasIndex)
    {
        var parts = delimiter.Length == 0 ? [s] : s.Split(delimiter);
        if (!hasIndex) return Dyn.Array(parts);
        if (index is null || index < 0 || index >= parts.Length) return Dyn.Array([]);
        return Dyn.Array([parts[index.Value]]);
    }

    private static long IndexOf(string s, string lookup, long start)
    {
        if (start < 0) start = Math.Max(0, s.Length + start);
        if (start > s.Length) return -1;
        return s.IndexOf(lookup, (int)start, StringComparison.Ordinal);
    }

    private static string Trim(string regex, string s, bool start, bool end)
    {
        var escaped = $"(?:{regex})";
        if (start) s = RegexCache.Get($"^{escaped}+").Replace(s, "");
        if (end) s = RegexCache.Get($"{escaped}+$").Replace(s, "");
        return s;
    }

    private static long CountOf(string s, string search, bool regex)
    {
        if (search.Length == 0) return 0;
        if (regex) return RegexCache.Get(search).Count(s);
        long count = 0;
        for (var at = s.IndexOf(search, StringComparison.Ordinal); at >= 0; at = s.IndexOf(search, at + search.Length, StringComparison.Ordinal)) count++;
        return count;
    }

    /// <summary>RE2 rewrite strings write groups as \1; .NET as $1.</summary>
    private static string DotNetReplacement(string rewrite) =>
        RegexCache.Get(@"\\(\d)").Replace(rewrite.Replace("$", "$$", StringComparison.Ordinal), "$${$1}");

    /// <summary><c>extract(regex, group, source)</c>: the captured group, or null when nothing matches.</summary>
    public static string? Extract(object? regex, object? group, object? source)
    {
        var match = RegexCache.Get(Text(regex)).Match(Text(source));
        var index = (int)(Kv.ToLong(group) ?? 0);
        if (!match.Success || index >= match.Groups.Count || !match.Groups[index].Success) return null;
        return match.Groups[index].Value;
    }

    /// <summary>
    /// <c>extract_all</c>: one group → flat array, several → arrays of groups; no match → null. The optional captureGroups
    /// array picks groups by number or name (extract-all-function.md: <c>dynamic([1,3])</c>, <c>dynamic(['first',2,'last'])</c>).
    /// </summary>
    private static object? ExtractAll(string regex, List<object?>? captureGroups, string source)
    {
        var r = RegexCache.Get(regex);
        var matches = r.Matches(source);
        if (matches.Count == 0) return null;
        var groups = captureGroups is null
            ? Enumerable.Range(1, Math.Max(1, r.GetGroupNumbers().Length - 1)).Select(g => g.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()
            : captureGroups.Select(g => Dyn.Unwrap(g) is string name ? name : Text(Dyn.Unwrap(g))).ToList();
        string Group(Match m, string g) => (int.TryParse(g, out var n) ? m.Groups[n] : m.Groups[g]).Value;
        if (groups.Count == 1) return Dyn.Array(matches.Select(m => (object?)Group(m, groups[0])));
        return Dyn.Array(matches.Select(m => (object?)Dyn.Array(groups.Select(g => (object?)Group(m, g)))));
    }

    private static string Base64Decode(string s)
    {
        try { return Encoding.UTF8.GetString(Convert.FromBase64String(s)); }
        catch (FormatException) { return ""; }
    }
}
