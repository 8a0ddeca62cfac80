using System.Globalization;
using System.Text;
using Detection.Evaluation.Expressions;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Functions;

internal static partial class ScalarFunctions
{
    private static IEnumerable<ScalarFunction> Parsing() =>
    [
        F("parse_url", KqlType.Dynamic, a => ParseUrl(Text(a[0]))),
        F("parse_urlquery", KqlType.Dynamic, a => Dyn.Bag([KeyValuePair.Create<string, object?>("Query Parameters", QueryParameters(Text(a[0]).TrimStart('?')))])),
        F("parse_path", KqlType.Dynamic, a => ParsePath(Text(a[0]))),
        F("parse_csv", KqlType.Dynamic, a => Dyn.Array(ParseCsvLine(Text(a[0])))),
        F("parse_version", KqlType.Decimal, a => ParseVersion(Text(a[0]))),
        F("tohex", KqlType.String, a => Kv.ToLong(a[0]) is { } n ? n.ToString("x", CultureInfo.InvariantCulture).PadLeft((int)(Kv.ToLong(Arg(a, 1)) ?? 0), '0') : ""),
        F("translate", KqlType.String, a => Translate(Text(a[0]), Text(a[1]), Text(a[2]))),
        F("indexof_regex", KqlType.Long, a => RegexCache.Get(Text(a[1])).Match(Text(a[0]), (int)Math.Clamp(Kv.ToLong(Arg(a, 2)) ?? 0, 0, Text(a[0]).Length)) is { Success: true } m ? m.Index : -1L),
        F("isutf8", KqlType.Bool, a => !Text(a[0]).Contains('\uFFFD')),
        F("base64_encode_fromguid", KqlType.String, a => a[0] is Guid g ? Convert.ToBase64String(g.ToByteArray()) : ""),
    ];

    /// <summary>parse_url (parse-url-function.md): Scheme, Host, Port, Path, Username, Password, Query Parameters, Fragment; unparseable → empty bag.</summary>
    private static object? ParseUrl(string url)
    {
        var m = RegexCache.Get(@"^(?<scheme>[A-Za-z][A-Za-z0-9+.\-]*)://(?:(?<user>[^:@/]*)(?::(?<password>[^@/]*))?@)?(?<host>\[[^\]]*\]|[^:/?#]*)(?::(?<port>\d+))?(?<path>/[^?#]*)?(?:\?(?<query>[^#]*))?(?:#(?<fragment>.*))?$").Match(url);
        if (!m.Success) return Dyn.Bag([]);
        return Dyn.Bag(
        [
            KeyValuePair.Create<string, object?>("Scheme", m.Groups["scheme"].Value),
            KeyValuePair.Create<string, object?>("Host", m.Groups["host"].Value),
            KeyValuePair.Create<string, object?>("Port", m.Groups["port"].Value),
            KeyValuePair.Create<string, object?>("Path", m.Groups["path"].Value),
            KeyValuePair.Create<string, object?>("Username", m.Groups["user"].Value),
            KeyValuePair.Create<string, object?>("Password", m.Groups["password"].Value),
            KeyValuePair.Create<string, object?>("Query Parameters", QueryParameters(m.Groups["query"].Value)),
            KeyValuePair.Create<string, object?>("Fragment", m.Groups["fragment"].Value),
        ]);
    }

    private static object QueryParameters(string query) => Dyn.Bag(query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p =>
    {
        var eq = p.IndexOf('=');
        var key = Uri.UnescapeDataString(eq < 0 ? p : p[..eq]);
        return KeyValuePair.Create<string, object?>(key, eq < 0 ? "" : Uri.UnescapeDataString(p[(eq + 1)..].Replace('+', ' ')));
    }));

    /// <summary>parse_path (parse-path-function.md): Scheme, RootPath, DirectoryPath, DirectoryName, Filename, Extension, AlternateDataStreamName.</summary>
    private static object? ParsePath(string path)
    {
        var scheme = RegexCache.Get(@"^([A-Za-z][A-Za-z0-9+.\-]+)://").Match(path) is { Success: true } s ? s.Groups[1].Value : "";
        var rest = scheme.Length > 0 ? path[(scheme.Length + 3)..] : path;
        var separator = rest.Contains('\\') ? '\\' : '/';
        var root = RegexCache.Get(@"^([A-Za-z]:|\\\\[^\\]+)").Match(rest) is { Success: true } r ? r.Groups[1].Value : "";
        var cut = rest.LastIndexOf(separator);
        var directory = cut >= 0 ? rest[..cut] : "";
        var file = cut >= 0 ? rest[(cut + 1)..] : rest;
        var stream = "";
        if (file.IndexOf(':') is var colon and > 0) { stream = file[(colon + 1)..]; file = file[..colon]; }
        var dot = file.LastIndexOf('.');
        var name = directory.LastIndexOf(separator) is var d and >= 0 ? directory[(d + 1)..] : directory;
        return Dyn.Bag(
        [
            KeyValuePair.Create<string, object?>("Scheme", scheme),
            KeyValuePair.Create<string, object?>("RootPath", root),
            KeyValuePair.Create<string, object?>("DirectoryPath", directory),
            KeyValuePair.Create<string, object?>("DirectoryName", name == root ? "" : name),
            KeyValuePair.Create<string, object?>("Filename", file),
            KeyValuePair.Create<string, object?>("Extension", dot >= 0 ? file[(dot + 1)..] : ""),
            KeyValuePair.Create<string, object?>("AlternateDataStreamName", stream),
        ]);
    }

    private static IEnumerable<object?> ParseCsvLine(string line)
    {
        var fields = new List<object?>();
        var sb = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { sb.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else sb.Append(c);
            }
            else if (c == '"') quoted = true;
            else if (c == ',') { fields.Add(sb.ToString()); sb.Clear(); }
            else sb.Append(c);
        }
        fields.Add(sb.ToString());
        return fields;
    }

    /// <summary>parse_version: up to four parts of up to 8 digits each, as one decimal (parse-version-function.md).</summary>
    private static object? ParseVersion(string text)
    {
        var parts = text.Trim().Split('.');
        if (parts.Length is < 1 or > 4 || parts.Any(p => p.Length is 0 or > 8 || !p.All(char.IsAsciiDigit))) return null;
        decimal value = 0;
        foreach (var part in parts.Concat(Enumerable.Repeat("0", 4 - parts.Length))) value = value * 100_000_000m + decimal.Parse(part, CultureInfo.InvariantCulture);
        return value;
    }

    private static string Translate(string from, string to, string source)
    {
        var sb = new StringBuilder(source.Length);
        foreach (var c in source)
        {
            var at = from.IndexOf(c);
            if (at < 0) sb.Append(c);
            else if (to.Length > 0) sb.Append(to[Math.Min(at, to.Length - 1)]);
        }
        return sb.ToString();
    }
}
