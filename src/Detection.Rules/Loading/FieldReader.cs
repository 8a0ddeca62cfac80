using System.Collections.Immutable;
using Detection.Rules.Model;
using Detection.Rules.Validation;
using YamlDotNet.RepresentationModel;

namespace Detection.Rules.Loading;

/// <summary>Typed access to a YAML mapping's fields; a field of the wrong type is reported and read as absent.</summary>
internal sealed class FieldReader(YamlMappingNode mapping, List<RuleDiagnostic> diagnostics)
{
    public YamlMappingNode Mapping { get; } = mapping;

    public List<RuleDiagnostic> Diagnostics { get; } = diagnostics;

    public FilePosition Position => RuleLoader.Position(Mapping.Start);

    public YamlNode? Node(string name)
    {
        foreach (var (key, value) in Mapping.Children)
        {
            if (key is YamlScalarNode k && string.Equals(k.Value, name, StringComparison.Ordinal)) return value;
        }
        return null;
    }

    public FilePosition? PositionOf(string name) => Node(name) is { } node ? RuleLoader.Position(node.Start) : null;

    public string? String(string name)
    {
        var node = Node(name);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar:
                return IsNull(scalar) ? null : scalar.Value;
            default:
                WrongType(name, node, "a text value");
                return null;
        }
    }

    public int? Int(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value)) return value;
        WrongType(name, Node(name)!, "a whole number");
        return null;
    }

    public bool? Bool(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (bool.TryParse(text, out var value)) return value;
        WrongType(name, Node(name)!, "true or false");
        return null;
    }

    public TimeSpan? Duration(string name)
    {
        var text = String(name);
        if (text is null) return null;
        if (Durations.TryParse(text, out var value)) return value;
        Diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.InvalidDuration,
            $"{name}: '{text}' is not a duration (expected e.g. 5m, 1h, 1d or PT1H)", PositionOf(name)));
        return null;
    }

    public ImmutableArray<string> Strings(string name)
    {
        var node = Node(name);
        switch (node)
        {
            case null:
                return [];
            case YamlScalarNode scalar when IsNull(scalar):
                return [];
            case YamlScalarNode scalar:
                return [scalar.Value!];
            case YamlSequenceNode sequence:
                var items = ImmutableArray.CreateBuilder<string>();
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode s && s.Value is { } v) items.Add(v.Trim());
                    else WrongType(name, item, "a list of text values");
                }
                return items.ToImmutable();
            default:
                WrongType(name, node, "a list of text values");
                return [];
        }
    }

    public FieldReader? Child(string name)
    {
        var node = Node(name);
        switch (node)
        {
            case null:
                return null;
            case YamlScalarNode scalar when IsNull(scalar):
                return null;
            case YamlMappingNode map:
                return new FieldReader(map, Diagnostics);
            default:
                WrongType(name, node, "a mapping");
                return null;
        }
    }

    public IEnumerable<FieldReader> Mappings(string name)
    {
        var node = Node(name);
        if (node is null || (node is YamlScalarNode s && IsNull(s))) yield break;
        if (node is not YamlSequenceNode sequence)
        {
            WrongType(name, node, "a list");
            yield break;
        }
        foreach (var item in sequence.Children)
        {
            if (item is YamlMappingNode map) yield return new FieldReader(map, Diagnostics);
            else WrongType(name, item, "a list of mappings");
        }
    }

    private static bool IsNull(YamlScalarNode scalar) =>
        scalar.Style == YamlDotNet.Core.ScalarStyle.Plain && (scalar.Value is null or "" or "~" or "null");

    private void WrongType(string name, YamlNode node, string expected) =>
        Diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.WrongFieldType, $"{name}: expected {expected}", RuleLoader.Position(node.Start)));
}
