using Detection.Rules.Model;

namespace Detection.Incidents.Alerts;

/// <summary>One run of a rule: the run instant r and the query window [<see cref="WindowStart"/>, <see cref="Time"/>).</summary>
public sealed record RuleRun(DateTime Time, DateTime WindowStart)
{
    /// <summary>Sentinel's default query period when a rule has none (5 hours; 1 minute for NRT rules).</summary>
    public static TimeSpan DefaultPeriod(AnalyticsRule rule) => rule.Kind == RuleKind.Nrt ? TimeSpan.FromMinutes(1) : TimeSpan.FromHours(5);

    /// <summary>The run of <paramref name="rule"/> at <paramref name="time"/> over its queryPeriod.</summary>
    public static RuleRun For(AnalyticsRule rule, DateTime time)
    {
        var utc = Times.Utc(time);
        return new RuleRun(utc, utc - (rule.QueryPeriod ?? DefaultPeriod(rule)));
    }
}
