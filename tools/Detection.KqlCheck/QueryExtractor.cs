using System.Text;

namespace Detection.KqlCheck;

/// <summary>
/// Reads the <c>query:</c> value of a Sentinel rule YAML file without a YAML library: block scalars (<c>|</c>, <c>|-</c>,
/// <c>&gt;</c>), quoted and plain one-line scalars. Line breaks are normalised to <c>\n</c>, as YAML parsers do, so
/// offsets agree with the official checker's.
/// </summary>
public static class QueryExtractor
{
    public static string? Extract(string yaml)
    {
        var lines = yaml.Replace("\r\n", "\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("query:", StringComparison.Ordinal)) continue;
            var rest = lines[i]["query:".Length..].Trim();
            if (rest.StartsWith('|') || rest.StartsWith('>')) return Block(lines, i + 1, rest);
            if (rest.StartsWith('"')) return DoubleQuoted(rest);
            if (rest.StartsWith('\'')) return rest.Trim('\'').Replace("''", "'");
            return rest;
        }
        return null;
    }

    private static string Block(string[] lines, int first, string header)
    {
        var body = new List<string>();
        var indent = -1;
        for (var i = first; i < lines.Length; i++)
        {
            var line = lines[i];
            if (line.Trim().Length == 0) { body.Add(""); continue; }
            var lineIndent = line.Length - line.TrimStart(' ').Length;
            if (indent < 0) indent = lineIndent;
            if (lineIndent < indent || lineIndent == 0) break;
            body.Add(line[indent..]);
        }
        while (body.Count > 0 && body[^1].Length == 0) body.RemoveAt(body.Count - 1);
        var folded = header.StartsWith('>');
        var text = folded ? Fold(body) : string.Join("\n", body);
        if (header.Contains('-')) return text;
        return text + "\n";
    }

    private static string Fold(List<string> body)
    {
        var sb = new StringBuilder();
        for (var i = 0; i < body.Count; i++)
        {
            if (i > 0) sb.Append(body[i].Length == 0 || body[i - 1].Length == 0 || body[i].StartsWith(' ') ? "\n" : " ");
            sb.Append(body[i]);
        }
        return sb.ToString();
    }

    private static string DoubleQuoted(string rest)
    {
        var sb = new StringBuilder();
        for (var i = 1; i < rest.Length; i++)
        {
            var c = rest[i];
            if (c == '"') break;
            if (c == '\\' && i + 1 < rest.Length)
            {
                var e = rest[++i];
                sb.Append(e switch { 'n' => '\n', 't' => '\t', _ => e });
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }
}
