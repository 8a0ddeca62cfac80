using Detection.Evaluation.Values;

namespace Detection.Evaluation.Functions;

/// <summary>
/// The JSONPath subset of extract_json (extractjson-function.md): <c>$</c>, <c>.name</c>, <c>['name']</c>, <c>[index]</c>.
/// A path with other syntax (wildcards, filters) is an error rather than a guess.
/// </summary>
internal static class JsonPath
{
    public static object? Select(string path, object? json)
    {
        var value = json is string text ? Dyn.TryParse(text) : json;
        var p = path.Trim();
        if (!p.StartsWith('$')) throw new EvaluationException($"extract_json: the path '{path}' does not start with $");
        var i = 1;
        while (i < p.Length && value is not null)
        {
            if (p[i] == '.')
            {
                var end = p.IndexOfAny(['.', '['], i + 1);
                if (end < 0) end = p.Length;
                var name = p[(i + 1)..end];
                if (name is "" or "*") throw EvaluationException.NotSupported($"JSONPath '{path}'");
                value = Dyn.Member(value, name);
                i = end;
            }
            else if (p[i] == '[')
            {
                var end = p.IndexOf(']', i);
                if (end < 0) throw new EvaluationException($"extract_json: unclosed [ in '{path}'");
                var inside = p[(i + 1)..end].Trim();
                if (inside.Length >= 2 && inside[0] is '\'' or '"') value = Dyn.Member(value, inside[1..^1]);
                else if (long.TryParse(inside, out var index)) value = Dyn.Index(value, index);
                else throw EvaluationException.NotSupported($"JSONPath '{path}'");
                i = end + 1;
            }
            else throw EvaluationException.NotSupported($"JSONPath '{path}'");
        }
        return Dyn.Unwrap(value) is { } scalar and not System.Text.Json.JsonElement ? scalar : value;
    }
}
