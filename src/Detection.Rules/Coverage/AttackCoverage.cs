using System.Text;
using Detection.Rules.Model;
using Detection.Rules.Validation;

namespace Detection.Rules.Coverage;

/// <summary>
/// The MITRE ATT&amp;CK coverage of a rule set as a Markdown table (tactic → technique → rules), and the rewrite of the
/// marked section of a Markdown file that holds it. Pure functions: no I/O, deterministic output.
/// </summary>
/// <remarks>
/// Each technique of a rule is listed under those of the rule's tactics it belongs to in ATT&amp;CK
/// (<see cref="AttackTechniques"/>). One that belongs to none of them (a RULE116 warning) is listed under its own
/// ATT&amp;CK tactics, and one the table does not know under every tactic the rule declares.
/// </remarks>
public static class AttackCoverage
{
    /// <summary>The line that opens the generated section.</summary>
    public const string BeginMarker = "<!-- coverage:begin -->";

    /// <summary>The line that closes the generated section.</summary>
    public const string EndMarker = "<!-- coverage:end -->";

    /// <summary>
    /// One row per (tactic, technique) pair declared by at least one rule. Tactics follow the ATT&amp;CK kill-chain
    /// order (<see cref="Tactics.All"/>, unknown ones last, by name); techniques and rules are sorted ordinally, so the
    /// table does not depend on the order the rules were read in. <paramref name="linkOf"/> gives each rule's link
    /// target (null for none). Rules without tactics are counted as uncovered in the summary line.
    /// </summary>
    public static string Table(IEnumerable<AnalyticsRule> rules, Func<AnalyticsRule, string?> linkOf)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(linkOf);
        var list = rules.ToList();
        var rows = list
            .SelectMany(r => Techniques(r).SelectMany(tech => TacticsOf(r, tech).Select(t => (Tactic: Canonical(t), Technique: tech, Rule: r))))
            .GroupBy(x => (x.Tactic, x.Technique))
            .OrderBy(g => TacticOrder(g.Key.Tactic)).ThenBy(g => g.Key.Tactic, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Technique, StringComparer.Ordinal)
            .ToList();

        var text = new StringBuilder();
        text.Append("| Tactic | Technique | Rules |\n|---|---|---|\n");
        foreach (var row in rows)
        {
            var names = row.Select(x => x.Rule).Distinct()
                .OrderBy(r => r.Name ?? r.File, StringComparer.Ordinal).ThenBy(r => r.File, StringComparer.Ordinal)
                .Select(r => RuleCell(r, linkOf(r)));
            text.Append($"| {row.Key.Tactic} | {row.Key.Technique} | {string.Join("<br>", names)} |\n");
        }
        var techniques = rows.Select(r => r.Key.Technique).Distinct().Count();
        var tactics = rows.Select(r => r.Key.Tactic).Distinct().Count();
        var untagged = list.Count(r => r.Tactics.IsEmpty);
        text.Append($"\n{list.Count} rules; {tactics} tactics; {techniques} techniques");
        text.Append(untagged > 0 ? $"; {untagged} rule(s) without tactics.\n" : ".\n");
        return text.ToString();
    }

    /// <summary>
    /// <paramref name="document"/> with the text between <see cref="BeginMarker"/> and <see cref="EndMarker"/> replaced
    /// by <paramref name="table"/> (the marker lines are kept). Throws <see cref="FormatException"/> when the markers are
    /// missing or out of order; the caller reports it.
    /// </summary>
    public static string Rewrite(string document, string table)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(table);
        var begin = document.IndexOf(BeginMarker, StringComparison.Ordinal);
        var end = document.IndexOf(EndMarker, StringComparison.Ordinal);
        if (begin < 0 || end < 0 || end < begin)
            throw new FormatException($"the file needs a line {BeginMarker} followed by a line {EndMarker}");
        var start = begin + BeginMarker.Length;
        return string.Concat(document.AsSpan(0, start), "\n", table, document.AsSpan(end));
    }

    private static IEnumerable<string> Techniques(AnalyticsRule rule) =>
        rule.RelevantTechniques.IsEmpty ? ["(none)"] : rule.RelevantTechniques.Distinct(StringComparer.Ordinal);

    private static IEnumerable<string> TacticsOf(AnalyticsRule rule, string technique)
    {
        if (AttackTechniques.Tactics(technique) is not { } known) return rule.Tactics;
        var matching = rule.Tactics.Where(t => known.Contains(t, StringComparer.OrdinalIgnoreCase)).ToList();
        return matching.Count > 0 || rule.Tactics.IsEmpty ? matching : known;
    }

    private static string Canonical(string tactic) =>
        Tactics.All.FirstOrDefault(t => string.Equals(t, tactic, StringComparison.OrdinalIgnoreCase)) ?? tactic;

    private static int TacticOrder(string tactic)
    {
        var index = Tactics.All.ToList().IndexOf(tactic);
        return index < 0 ? int.MaxValue : index;
    }

    private static string RuleCell(AnalyticsRule rule, string? link)
    {
        // A pipe would end the table cell early.
        var name = (rule.Name ?? Path.GetFileNameWithoutExtension(rule.File)).Replace("|", "\\|", StringComparison.Ordinal);
        return link is null ? name : $"[{name}]({link})";
    }
}
