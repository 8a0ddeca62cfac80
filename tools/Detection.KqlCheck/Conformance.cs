using System.Text.Json;

namespace Detection.KqlCheck;

/// <summary>
/// Compares our verdicts with the official checker's JSON lines (<c>kql-official</c> output): accept/reject agreement per
/// query, and how many of the official diagnostics we reproduce (same official code, start and length).
/// </summary>
public static class Conformance
{
    public sealed record Verdict(string Id, bool Ok, List<(string Code, int Start, int Length)> Diagnostics, bool YamlError);

    public static Dictionary<string, Verdict> Read(IEnumerable<string> jsonLines, bool ours)
    {
        var result = new Dictionary<string, Verdict>(StringComparer.Ordinal);
        foreach (var line in jsonLines.Where(l => l.Trim().Length > 0))
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            var rawId = root.GetProperty("id").GetString()!;
            var id = rawId.Contains('#') ? rawId : Path.GetFullPath(rawId);
            var diagnostics = new List<(string, int, int)>();
            var yaml = false;
            foreach (var d in root.GetProperty("diagnostics").EnumerateArray())
            {
                if (d.GetProperty("severity").GetString() != "Error") continue;
                var code = ours
                    ? (d.TryGetProperty("official", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString()! : d.GetProperty("code").GetString()!)
                    : d.GetProperty("code").GetString()!;
                yaml |= code == "YAML";
                var start = d.TryGetProperty("start", out var s) ? s.GetInt32() : -1;
                var length = d.TryGetProperty("length", out var l) ? l.GetInt32() : -1;
                diagnostics.Add((code, start, length));
            }
            result[id] = new Verdict(id, root.GetProperty("ok").GetBoolean(), diagnostics, yaml);
        }
        return result;
    }

    /// <summary>Prints the per-query disagreements and the totals; returns the number of verdict disagreements.</summary>
    public static int Report(Dictionary<string, Verdict> official, Dictionary<string, Verdict> ours, TextWriter output)
    {
        int total = 0, agree = 0, yaml = 0, officialDiagnostics = 0, reproduced = 0, extra = 0;
        foreach (var (id, theirs) in official.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (theirs.YamlError)
            {
                yaml++;
                output.WriteLine($"  yaml     {id}: the official checker's YAML parser rejects the file; not a KQL verdict");
                continue;
            }
            total++;
            if (!ours.TryGetValue(id, out var mine))
            {
                output.WriteLine($"  missing  {id}");
                continue;
            }
            if (mine.Ok == theirs.Ok) agree++;
            var ourSet = mine.Diagnostics.ToHashSet();
            var matched = theirs.Diagnostics.Count(ourSet.Contains);
            officialDiagnostics += theirs.Diagnostics.Count;
            reproduced += matched;
            var unmatchedOurs = mine.Diagnostics.Count(d => !theirs.Diagnostics.Contains(d));
            extra += unmatchedOurs;
            if (mine.Ok != theirs.Ok || matched < theirs.Diagnostics.Count || unmatchedOurs > 0)
            {
                output.WriteLine($"  {(mine.Ok != theirs.Ok ? "VERDICT" : "diags  ")}  {id}");
                output.WriteLine($"           official: {Describe(theirs.Diagnostics)}");
                output.WriteLine($"           ours:     {Describe(mine.Diagnostics)}");
            }
        }
        output.WriteLine($"queries compared:                 {total} (+{yaml} rejected by YAML before KQL)");
        output.WriteLine($"accept/reject verdicts agree:     {agree}/{total} ({(total == 0 ? 0 : 100.0 * agree / total):F1}%)");
        output.WriteLine($"official errors reproduced:       {reproduced}/{officialDiagnostics} (same code, start and length)");
        output.WriteLine($"our errors the official lacks:    {extra}");
        return total - agree;
    }

    private static string Describe(List<(string Code, int Start, int Length)> diagnostics) =>
        diagnostics.Count == 0 ? "(none)" : string.Join(", ", diagnostics.Select(d => $"{d.Code}@{d.Start}+{d.Length}"));
}
