using System.Text.RegularExpressions;

namespace Detection.Kql.Functions;

/// <summary>
/// Reads builtin declarations of the form <c>name(p: kind, q: kind?, r: kind*) : returns [prefix=x] [named]</c>.
/// <c>?</c> marks an optional parameter, <c>*</c> one or more, <c>*?</c> zero or more. A declaration error is a bug in
/// <see cref="Builtins"/> and throws at type initialisation (a test loads them all).
/// </summary>
internal static partial class SignatureReader
{
    [GeneratedRegex(@"^\s*(?<name>[A-Za-z_0-9]+)\((?<params>[^)]*)\)\s*:\s*(?<ret>\S+)(?<flags>.*)$")]
    private static partial Regex Declaration();

    public static FunctionSignature Read(string line, FunctionKind kind)
    {
        var m = Declaration().Match(line);
        if (!m.Success) throw new FormatException($"builtin declaration '{line}' is not 'name(params) : returns'");
        var parameters = m.Groups["params"].Value
            .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(ReadParameter)
            .ToList();
        var flags = m.Groups["flags"].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var prefix = flags.FirstOrDefault(f => f.StartsWith("prefix=", StringComparison.Ordinal))?["prefix=".Length..];
        var named = flags.Contains("named");
        return new FunctionSignature(m.Groups["name"].Value, kind, parameters, m.Groups["ret"].Value, prefix, named);
    }

    private static FunctionParameter ReadParameter(string text)
    {
        var colon = text.IndexOf(':');
        if (colon <= 0) throw new FormatException($"parameter '{text}' is not 'name: kind'");
        var kindText = text[(colon + 1)..].Trim();
        // 'kind?' optional, 'kind*' one or more, 'kind*?' zero or more.
        var optional = kindText.EndsWith('?');
        if (optional) kindText = kindText[..^1];
        var repeating = kindText.EndsWith('*');
        if (repeating) kindText = kindText[..^1];
        var kind = kindText switch
        {
            "any" => ParameterKind.Any,
            "string" => ParameterKind.String,
            "sd" => ParameterKind.StringOrDynamic,
            "str" => ParameterKind.StrictString,
            "bool" => ParameterKind.Bool,
            "num" => ParameterKind.Number,
            "datetime" => ParameterKind.DateTime,
            "timespan" => ParameterKind.TimeSpan,
            "dynamic" => ParameterKind.Dynamic,
            "array" => ParameterKind.DynamicArray,
            "tabular" => ParameterKind.Tabular,
            "type" => ParameterKind.Type,
            _ => throw new FormatException($"parameter kind '{kindText}' is unknown"),
        };
        return new FunctionParameter(text[..colon].Trim(), kind, optional, repeating);
    }
}
