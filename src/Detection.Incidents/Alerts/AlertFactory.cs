using System.Collections.Immutable;
using Detection.Incidents.Model;
using Detection.Rules.Model;
using Detection.Tables;

namespace Detection.Incidents.Alerts;

/// <summary>
/// Makes the alerts of one firing run of a rule from its result table, as Sentinel does (see README.md, "Alerts").
/// Whether the run fires (trigger operator and threshold) is the caller's decision. Pure and thread-safe; throws only
/// for a rule without an id or name.
/// </summary>
public static class AlertFactory
{
    /// <summary>Sentinel's cap on the alerts of one scheduled run under AlertPerResult (149 + one summary).</summary>
    public const int MaxAlertsPerRun = 150;

    /// <summary>The cap for NRT rules (29 + one summary), as Sentinel documents.</summary>
    public const int MaxAlertsPerNrtRun = 30;

    /// <summary>Evidence keys kept per alert.</summary>
    public const int MaxEvidenceKeys = 100;

    /// <summary>Evidence rows kept per alert, and the size of one (Sentinel keeps 10 KB of a row per alert).</summary>
    public const int MaxEvidenceRows = 10;

    public const int MaxEvidenceRowChars = 10_240;

    /// <summary>Values kept per custom detail.</summary>
    public const int MaxCustomDetailValues = 100;

    public static IReadOnlyList<Alert> Create(AnalyticsRule rule, RuleRun run, Table result)
    {
        var ruleId = rule.Id ?? rule.Name ?? throw new ArgumentException($"{rule.File}: a rule needs an id or a name to make alerts", nameof(rule));
        var values = new ResultValues(result);
        var context = new Context(rule, ruleId, run, values, new EntityMapper(rule, values), new AlertOverrides(rule));
        var rows = values.RowCount;
        if (!rule.AggregationKind.Equals("AlertPerResult", StringComparison.OrdinalIgnoreCase) || rows == 0)
            return [context.Make(Enumerable.Range(0, rows), "single")];

        var cap = rule.Kind == RuleKind.Nrt ? MaxAlertsPerNrtRun : MaxAlertsPerRun;
        var alerts = new List<Alert>();
        var own = rows <= cap ? rows : cap - 1;
        // The id names the row by content (its evidence key and how many equal keys came before it), not by its
        // position, so that the same rows give the same alert ids whatever order the query returned them in.
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var row = 0; row < own; row++)
        {
            var key = values.Key(row);
            var occurrence = seen[key] = seen.GetValueOrDefault(key) + 1;
            alerts.Add(context.Make([row], $"row:{key}#{occurrence}"));
        }
        if (rows > cap) alerts.Add(context.Make(Enumerable.Range(own, rows - own), "summary"));
        return alerts;
    }

    private sealed record Context(AnalyticsRule Rule, string RuleId, RuleRun Run, ResultValues Values, EntityMapper Entities, AlertOverrides Overrides)
    {
        public Alert Make(IEnumerable<int> rowsEnumerable, string rowKey)
        {
            var rows = rowsEnumerable.ToArray();
            int? first = rows.Length > 0 ? rows[0] : null;
            var times = rows.Select(Values.Time).OfType<DateTime>().ToArray();
            return new Alert
            {
                Id = ContentIds.From("alert", RuleId, Times.Write(Run.Time), rowKey),
                RuleId = RuleId,
                RuleName = Rule.Name ?? RuleId,
                DisplayName = Overrides.Name(Values, first),
                Description = Overrides.Description(Values, first),
                Severity = Overrides.Severity(Values, first),
                Time = Run.Time,
                StartTime = times.Length > 0 ? times.Min() : Run.WindowStart,
                EndTime = times.Length > 0 ? times.Max() : Run.Time,
                Tactics = Overrides.Tactics(Values, first),
                Techniques = Overrides.Techniques(Values, first),
                Entities = Entities.Map(rows),
                CustomDetails = CustomDetails(rows),
                EvidenceKeys = rows.Take(MaxEvidenceKeys).Select(Values.Key).ToImmutableArray(),
                EvidenceRows = rows.Take(MaxEvidenceRows).Select(r => Values.RowJson(r, MaxEvidenceRowChars)).OfType<string>().ToImmutableArray(),
                RowCount = rows.Length,
            };
        }

        private ImmutableSortedDictionary<string, ImmutableArray<string>> CustomDetails(int[] rows)
        {
            var details = ImmutableSortedDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.Ordinal);
            foreach (var (name, columnName) in Rule.CustomDetails)
            {
                var column = Values.Column(columnName);
                if (column < 0) continue;
                var list = rows.SelectMany(r => Values.Texts(r, column)).Distinct(StringComparer.Ordinal)
                    .Take(MaxCustomDetailValues).ToImmutableArray();
                if (!list.IsEmpty) details[name] = list;
            }
            return details.ToImmutable();
        }
    }
}
