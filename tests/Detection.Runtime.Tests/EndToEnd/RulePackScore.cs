using System.Globalization;
using System.Text;
using Detection.Incidents.Model;

namespace Detection.Runtime.Tests.EndToEnd;

/// <summary>A rule of the replayed pack as the score needs it: its file name (without .yaml) and schedule.</summary>
public sealed record PackRule(string File, TimeSpan Frequency, TimeSpan Period);

/// <summary>Per scenario: how many instances the labels have, how many the pack found, and its false positives.</summary>
public sealed record ScenarioRow(string Scenario, int Instances, int Found, int FalsePositives);

/// <summary>
/// Scores a replay's alerts against the generator's labels.
/// <para>
/// Found: an instance is found when every expected rule of its scenario raised an alert that names the scenario's
/// entities (<see cref="ScenarioRules.Entities"/>; values compared case-insensitively, and an ARM id also matches
/// when the alert names a parent of the labelled resource, as the diagnostic-settings rule names the Key Vault) and
/// whose run's trigger window [r − queryFrequency, r) overlaps the instance's window [start, end]: by the pack's
/// convention a rule reports a finding in the run whose last queryFrequency holds the trigger event.
/// </para>
/// <para>
/// Explained: an alert is explained when some instance of a scenario listing its rule (expected or also) is named by
/// it and its run's whole lookback [r − queryPeriod, r) overlaps the instance's window: a rule may pair an attack event
/// with a later benign one (impossible travel from the attacker's sign-in to the victim's next one). Every other
/// alert is a false positive, counted under the scenario whose rules include its rule, else under "(other rules)".
/// </para>
/// </summary>
public sealed class RulePackScore
{
    public const string OtherRules = "(other rules)";

    private RulePackScore(IReadOnlyList<ScenarioRow> rows, IReadOnlyList<string> missed, IReadOnlyList<string> falsePositives, IReadOnlyList<string> unmapped)
    {
        Rows = rows;
        Missed = missed;
        FalsePositives = falsePositives;
        UnmappedScenarios = unmapped;
    }

    public IReadOnlyList<ScenarioRow> Rows { get; }

    /// <summary>"instance id: rule" for every expected rule that raised nothing matching on an instance.</summary>
    public IReadOnlyList<string> Missed { get; }

    /// <summary>Every unexplained alert: rule, run instant, entities.</summary>
    public IReadOnlyList<string> FalsePositives { get; }

    /// <summary>Scenario names in the labels that <see cref="ScenarioRules.All"/> does not map.</summary>
    public IReadOnlyList<string> UnmappedScenarios { get; }

    public static RulePackScore Of(IReadOnlyList<ScenarioLabel> labels, IReadOnlyList<Alert> alerts, IReadOnlyDictionary<string, PackRule> rulesById)
    {
        var mapping = ScenarioRules.All.ToDictionary(m => m.Scenario, StringComparer.Ordinal);
        var missed = new List<string>();
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var label in labels.Where(l => mapping.ContainsKey(l.Name)))
        {
            var rules = mapping[label.Name];
            var absent = rules.Expected.Where(rule => !alerts.Any(a =>
                rulesById[a.RuleId] is var r && r.File == rule && Names(a, label, rules.Entities) && Overlaps(a, r.Frequency, label))).ToList();
            missed.AddRange(absent.Select(rule => $"{label.Id}: {rule}"));
            if (absent.Count == 0) found[label.Name] = found.GetValueOrDefault(label.Name) + 1;
        }

        var falsePositives = new List<string>();
        var fpByScenario = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var alert in alerts)
        {
            var rule = rulesById[alert.RuleId];
            var explained = labels.Any(l => mapping.TryGetValue(l.Name, out var m) && m.Rules.Contains(rule.File)
                && Names(alert, l, m.Entities) && Overlaps(alert, rule.Period, l));
            if (explained) continue;
            var owner = ScenarioRules.All.FirstOrDefault(m => m.Rules.Contains(rule.File))?.Scenario ?? OtherRules;
            fpByScenario[owner] = fpByScenario.GetValueOrDefault(owner) + 1;
            falsePositives.Add($"{rule.File} at {alert.Time.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture)}: {string.Join(", ", alert.Entities)}");
        }

        var rows = ScenarioRules.All
            .Select(m => new ScenarioRow(m.Scenario, labels.Count(l => l.Name == m.Scenario), found.GetValueOrDefault(m.Scenario), fpByScenario.GetValueOrDefault(m.Scenario)))
            .Append(new ScenarioRow(OtherRules, 0, 0, fpByScenario.GetValueOrDefault(OtherRules)))
            .ToList();
        var unmapped = labels.Select(l => l.Name).Where(n => !mapping.ContainsKey(n)).Distinct().ToList();
        return new RulePackScore(rows, missed, falsePositives, unmapped);
    }

    /// <summary>The table to print: one line per scenario, totals, then what was missed and every false positive.</summary>
    public string Table(string title)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{title}\n");
        text.Append(CultureInfo.InvariantCulture, $"| {"scenario",-33} | {"instances",9} | {"found",5} | {"false positives",15} |\n");
        text.Append($"|{new string('-', 35)}|{new string('-', 11)}|{new string('-', 7)}|{new string('-', 17)}|\n");
        foreach (var row in Rows)
        {
            var instances = row.Scenario == OtherRules ? "" : row.Instances.ToString(CultureInfo.InvariantCulture);
            var foundText = row.Scenario == OtherRules ? "" : row.Found.ToString(CultureInfo.InvariantCulture);
            text.Append(CultureInfo.InvariantCulture, $"| {row.Scenario,-33} | {instances,9} | {foundText,5} | {row.FalsePositives,15} |\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"| {"total",-33} | {Rows.Sum(r => r.Instances),9} | {Rows.Sum(r => r.Found),5} | {Rows.Sum(r => r.FalsePositives),15} |\n");
        foreach (var line in Missed) text.Append(CultureInfo.InvariantCulture, $"missed: {line}\n");
        foreach (var line in FalsePositives) text.Append(CultureInfo.InvariantCulture, $"false positive: {line}\n");
        foreach (var name in UnmappedScenarios) text.Append(CultureInfo.InvariantCulture, $"unmapped scenario: {name}\n");
        return text.ToString();
    }

    private static bool Overlaps(Alert alert, TimeSpan lookback, ScenarioLabel label) =>
        alert.Time > label.Start && alert.Time - lookback <= label.End;

    private static bool Names(Alert alert, ScenarioLabel label, string[] kinds)
    {
        var named = alert.Entities.SelectMany(e => e.Properties.Values).ToList();
        return kinds.All(kind => label.EntitiesOf(kind).Any(value => named.Any(n => Same(n, value))));
    }

    private static bool Same(string named, string labelled) =>
        string.Equals(named, labelled, StringComparison.OrdinalIgnoreCase)
        || (named.StartsWith("/subscriptions/", StringComparison.OrdinalIgnoreCase) && named.Contains("/providers/", StringComparison.OrdinalIgnoreCase)
            && labelled.StartsWith(named + "/", StringComparison.OrdinalIgnoreCase));
}
