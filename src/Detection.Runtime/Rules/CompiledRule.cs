using System.Collections.Immutable;
using Detection.Incidents.Alerts;
using Detection.Kql;
using Detection.Rules.Model;

namespace Detection.Runtime.Rules;

/// <summary>
/// A rule ready to run: its parsed and bound query, the tables it reads, and its schedule with Sentinel's defaults
/// filled in. Immutable.
/// </summary>
public sealed class CompiledRule
{
    /// <summary>Sentinel's default schedule when a rule gives none (the portal's 5 hours).</summary>
    public static readonly TimeSpan DefaultFrequency = TimeSpan.FromHours(5);

    internal CompiledRule(AnalyticsRule rule, KqlCode code, ImmutableHashSet<string> tables, bool readsAllTables, int order)
    {
        Rule = rule;
        Code = code;
        Tables = tables;
        ReadsAllTables = readsAllTables;
        Order = order;
        Id = rule.Id ?? rule.Name ?? rule.File;
        Name = rule.Name ?? Id;
        IsNrt = rule.Kind == RuleKind.Nrt;
        Frequency = rule.QueryFrequency ?? DefaultFrequency;
        Period = rule.QueryPeriod ?? RuleRun.DefaultPeriod(rule);
    }

    public AnalyticsRule Rule { get; }

    public KqlCode Code { get; }

    /// <summary>
    /// The rule's row-local operator results per window chunk: its successive runs share all but the newest segments, so
    /// each segment is filtered and projected once (Detection.Evaluation's ChunkMemo; entries go with the segments).
    /// </summary>
    public Evaluation.ChunkMemo Memo { get; } = new();

    public string Id { get; }

    public string Name { get; }

    /// <summary>Position in the loaded set (file order): runs at the same instant go in this order.</summary>
    public int Order { get; }

    public bool IsNrt { get; }

    public TimeSpan Frequency { get; }

    public TimeSpan Period { get; }

    /// <summary>Tables named in the query (an over-approximation: every identifier that names a known table).</summary>
    public ImmutableHashSet<string> Tables { get; }

    /// <summary>True for <c>union *</c>, <c>search</c> and <c>find</c>: the rule may read any table.</summary>
    public bool ReadsAllTables { get; }

    public bool Reads(string table) => ReadsAllTables || Tables.Contains(table);

    /// <summary>Whether a run with <paramref name="rows"/> result rows fires: NRT rules on any row, scheduled ones by triggerOperator/threshold.</summary>
    public bool Fires(long rows)
    {
        if (IsNrt) return rows > 0;
        var threshold = Rule.TriggerThreshold ?? 0;
        return (Rule.TriggerOperator ?? "gt") switch
        {
            "lt" => rows < threshold,
            "eq" => rows == threshold,
            "ne" => rows != threshold,
            _ => rows > threshold,
        };
    }

    public override string ToString() => $"{Name} ({Id})";
}
