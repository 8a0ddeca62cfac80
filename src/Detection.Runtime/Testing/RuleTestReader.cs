using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using Detection.Rules.Loading;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Detection.Runtime.Testing;

/// <summary>
/// Reads <c>*.tests.yaml</c> files. Problems are <see cref="FormatException"/>s whose message starts with
/// <c>file:line:col:</c>; the caller reports them and goes on with other files.
/// </summary>
public static class RuleTestReader
{
    public const string Suffix = ".tests.yaml";

    public static RuleTestFile Read(string file)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StreamReader(file);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw Problem(file, e.Start, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            throw Problem(file, Mark.Empty, "a tests file is a mapping with a 'cases' list");
        var folder = Path.GetDirectoryName(Path.GetFullPath(file))!;
        var ruleName = Scalar(root, "rule", file) ?? Path.GetFileName(file)[..^Suffix.Length] + ".yaml";
        if (Child(root, "cases") is not YamlSequenceNode cases || cases.Children.Count == 0)
            throw Problem(file, root.Start, "'cases' must be a non-empty list of cases");
        var list = cases.Children.Select(c => Case(c, file, folder)).ToImmutableArray();
        if (list.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1) is { } duplicate)
            throw Problem(file, Mark.Empty, $"two cases are named '{duplicate.Key}'; names must be unique");
        return new RuleTestFile(file, Path.Combine(folder, ruleName), list);
    }

    private static RuleTestCase Case(YamlNode node, string file, string folder)
    {
        if (node is not YamlMappingNode map) throw Problem(file, node.Start, "a case is a mapping (name, events, expect)");
        var name = Scalar(map, "name", file) ?? throw Problem(file, map.Start, "a case needs a 'name'");
        var events = new List<TestEvent>();
        if (Child(map, "events") is { } eventsNode)
        {
            if (eventsNode is not YamlSequenceNode sequence) throw Problem(file, eventsNode.Start, "'events' must be a list of rows");
            foreach (var row in sequence.Children) events.AddRange(Expand(row, file));
        }
        var files = Child(map, "files") switch
        {
            null => ImmutableArray<string>.Empty,
            YamlSequenceNode s => s.Children.Select(f => Path.Combine(folder, ((YamlScalarNode)f).Value ?? "")).ToImmutableArray(),
            var other => throw Problem(file, other.Start, "'files' must be a list of paths"),
        };
        if (Child(map, "expect") is not YamlMappingNode expect) throw Problem(file, map.Start, $"case '{name}' needs an 'expect' mapping");
        return new RuleTestCase
        {
            Name = name,
            Line = (int)map.Start.Line,
            From = Time(map, "from", file),
            To = Time(map, "to", file),
            Events = [.. events],
            Files = files,
            Expect = Expectation(expect, file),
        };
    }

    private static IEnumerable<TestEvent> Expand(YamlNode node, string file)
    {
        if (node is not YamlMappingNode map) throw Problem(file, node.Start, "an event is a mapping of column names to values, with its table in 'Type'");
        var row = new JsonObject();
        int repeat = 1;
        TimeSpan every = TimeSpan.Zero;
        DateTime? arrival = null;
        foreach (var (keyNode, value) in map.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            switch (key)
            {
                case "$repeat":
                    if (!int.TryParse(((YamlScalarNode)value).Value, out repeat) || repeat < 1)
                        throw Problem(file, value.Start, "$repeat must be a positive whole number");
                    break;
                case "$every":
                    if (!Durations.TryParse(((YamlScalarNode)value).Value, out every)) throw Problem(file, value.Start, "$every must be a duration such as 20s or 5m");
                    break;
                case "$arrival":
                    arrival = ParseTime(((YamlScalarNode)value).Value, file, value.Start);
                    break;
                default:
                    row[key] = Json(value);
                    break;
            }
        }
        if (row["Type"] is null) throw Problem(file, map.Start, "an event needs 'Type' (its table, e.g. SigninLogs)");
        var time = row["TimeGenerated"]?.GetValue<string>() is { } text ? ParseTime(text, file, map.Start) : (DateTime?)null;
        for (var i = 0; i < repeat; i++)
        {
            var copy = (JsonObject)Substitute(row, i);
            if (time is { } t) copy["TimeGenerated"] = (t + every * i).ToString("O", CultureInfo.InvariantCulture);
            yield return new TestEvent(copy, arrival is { } a ? a + every * i : null);
        }
    }

    private static JsonNode Substitute(JsonNode node, int index) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(p.Key, p.Value is null ? null : Substitute(p.Value, index)))),
        JsonArray a => new JsonArray(a.Select(v => v is null ? null : Substitute(v, index)).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(s.Replace("{i}", index.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)),
        _ => node.DeepClone(),
    };

    private static RuleTestExpectation Expectation(YamlMappingNode map, string file)
    {
        var entities = ImmutableArray.CreateBuilder<ImmutableDictionary<string, string>>();
        if (Child(map, "entities") is YamlSequenceNode list)
        {
            foreach (var item in list.Children.OfType<YamlMappingNode>())
                entities.Add(item.Children.ToImmutableDictionary(p => ((YamlScalarNode)p.Key).Value ?? "", p => (p.Value as YamlScalarNode)?.Value ?? "", StringComparer.OrdinalIgnoreCase));
        }
        var details = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
        if (Child(map, "customDetails") is YamlMappingNode detailMap)
        {
            foreach (var (key, value) in detailMap.Children)
            {
                var values = value is YamlSequenceNode s ? s.Children.Select(v => ((YamlScalarNode)v).Value ?? "") : [((YamlScalarNode)value).Value ?? ""];
                details[((YamlScalarNode)key).Value ?? ""] = [.. values];
            }
        }
        return new RuleTestExpectation
        {
            Alerts = Int(map, "alerts", file),
            Incidents = Int(map, "incidents", file),
            Entities = entities.ToImmutable(),
            CustomDetails = details.ToImmutable(),
        };
    }

    /// <summary>YAML to JSON: plain scalars that read as numbers, booleans or null become those; everything else a string.</summary>
    private static JsonNode? Json(YamlNode node) => node switch
    {
        YamlMappingNode m => new JsonObject(m.Children.Select(p => KeyValuePair.Create(((YamlScalarNode)p.Key).Value ?? "", Json(p.Value)))),
        YamlSequenceNode s => new JsonArray(s.Children.Select(Json).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain, Value: var v } => v switch
        {
            null or "~" or "null" => null,
            "true" or "false" => JsonValue.Create(v == "true"),
            _ when long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !v.Contains(':') => JsonValue.Create(d),
            _ => JsonValue.Create(v),
        },
        YamlScalarNode scalar => JsonValue.Create(scalar.Value ?? ""),
        _ => null,
    };

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.TryGetValue(new YamlScalarNode(key), out var node) ? node : null;

    private static string? Scalar(YamlMappingNode map, string key, string file) => Child(map, key) switch
    {
        null => null,
        YamlScalarNode s => s.Value,
        var other => throw Problem(file, other.Start, $"'{key}' must be a single value"),
    };

    private static int? Int(YamlMappingNode map, string key, string file)
    {
        if (Scalar(map, key, file) is not { } text) return null;
        return int.TryParse(text, out var n) && n >= 0 ? n : throw Problem(file, Child(map, key)!.Start, $"'{key}' must be a whole number ≥ 0");
    }

    private static DateTime? Time(YamlMappingNode map, string key, string file) =>
        Scalar(map, key, file) is { } text ? ParseTime(text, file, Child(map, key)!.Start) : null;

    private static DateTime ParseTime(string? text, string file, Mark at) =>
        DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var time)
            ? time
            : throw Problem(file, at, $"'{text}' is not a date and time such as 2026-11-02T01:00:00Z");

    private static FormatException Problem(string file, Mark at, string message) =>
        new($"{file}:{Math.Max(1, at.Line)}:{Math.Max(1, at.Column)}: {message}");
}
