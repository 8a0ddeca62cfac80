using System.Collections.Immutable;
using Detection.Rules.Model;
using Detection.Rules.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Detection.Rules.Loading;

/// <summary>A rule read from a file (null when the file could not be read as a rule) and the problems found reading it.</summary>
public sealed record RuleLoadResult(string File, AnalyticsRule? Rule, IReadOnlyList<RuleDiagnostic> Diagnostics);

/// <summary>
/// Reads Sentinel analytics-rule YAML. Never throws for a bad file: every problem is a <see cref="RuleDiagnostic"/>
/// with its position. Unknown fields are kept, not rejected.
/// </summary>
public static class RuleLoader
{
    /// <summary>Rule files under the paths: files as given, folders searched for <c>*.yaml</c>/<c>*.yml</c> (tests files excluded), in a stable order.</summary>
    public static IEnumerable<string> FindRuleFiles(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*.*", SearchOption.AllDirectories)
                             .Where(IsRuleFile)
                             .Order(StringComparer.Ordinal))
                    yield return file;
            }
            else
            {
                yield return path;
            }
        }
    }

    public static bool IsRuleFile(string path) =>
        (path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
        && !path.EndsWith(".tests.yaml", StringComparison.OrdinalIgnoreCase)
        && !path.EndsWith(".tests.yml", StringComparison.OrdinalIgnoreCase);

    public static RuleLoadResult LoadFile(string path)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new RuleLoadResult(path, null, [RuleDiagnostics.Make(RuleDiagnostics.InvalidYaml, $"cannot read the file: {e.Message}", null)]);
        }
        return Load(text, path);
    }

    public static RuleLoadResult Load(string text, string file)
    {
        var diagnostics = new List<RuleDiagnostic>();
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.InvalidYaml, $"not valid YAML: {Reason(e)}", Position(e.Start)));
            return new RuleLoadResult(file, null, diagnostics);
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner gives up this way on some constructs left open at the end of the text.
            var endLine = text.TrimEnd().Count(c => c == '\n') + 1;
            diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.InvalidYaml, "not valid YAML: the file ends inside an unclosed value ([, {, or a quote)", new FilePosition(endLine, 1)));
            return new RuleLoadResult(file, null, diagnostics);
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count > 0 ? Position(stream.Documents[0].RootNode.Start) : null;
            diagnostics.Add(RuleDiagnostics.Make(RuleDiagnostics.NotAMapping, "expected a mapping of rule fields (id:, name:, query: …)", at));
            return new RuleLoadResult(file, null, diagnostics);
        }

        var reader = new FieldReader(root, diagnostics);
        var rule = RuleReader.Read(reader, text, file);
        return new RuleLoadResult(file, rule, diagnostics);
    }

    internal static FilePosition Position(Mark mark) => new((int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string Reason(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes "(Line: 3, Col: 1, Idx: …) - (…): " — the position is reported separately.
        var cut = message.LastIndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 ? message[(cut + 3)..] : message;
    }
}
