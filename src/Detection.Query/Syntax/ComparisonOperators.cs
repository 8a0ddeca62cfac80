namespace Detection.Query.Syntax;

/// <summary>The spelling of each comparison operator, and what it means.</summary>
public static class ComparisonOperators
{
    private static readonly Dictionary<string, ComparisonOperator> BySpelling = new(StringComparer.Ordinal)
    {
        ["=="] = ComparisonOperator.Equal,
        ["!="] = ComparisonOperator.NotEqual,
        ["=~"] = ComparisonOperator.EqualIgnoreCase,
        ["!~"] = ComparisonOperator.NotEqualIgnoreCase,
        ["has"] = ComparisonOperator.Has,
        ["!has"] = ComparisonOperator.NotHas,
        ["contains"] = ComparisonOperator.Contains,
        ["!contains"] = ComparisonOperator.NotContains,
        ["startswith"] = ComparisonOperator.StartsWith,
        ["!startswith"] = ComparisonOperator.NotStartsWith,
        ["in"] = ComparisonOperator.In,
        ["!in"] = ComparisonOperator.NotIn,
    };

    /// <summary>For messages: "==, !=, =~, …".</summary>
    public static string All => string.Join(", ", BySpelling.Keys);

    public static bool TryParse(string spelling, out ComparisonOperator op) => BySpelling.TryGetValue(spelling, out op);

    public static string Spelling(this ComparisonOperator op) => BySpelling.First(p => p.Value == op).Key;

    public static bool IsNegated(this ComparisonOperator op) => op is ComparisonOperator.NotEqual or ComparisonOperator.NotEqualIgnoreCase
        or ComparisonOperator.NotHas or ComparisonOperator.NotContains or ComparisonOperator.NotStartsWith or ComparisonOperator.NotIn;

    /// <summary>The operator without its negation (<c>!has</c> → <c>has</c>).</summary>
    public static ComparisonOperator Positive(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.NotEqual => ComparisonOperator.Equal,
        ComparisonOperator.NotEqualIgnoreCase => ComparisonOperator.EqualIgnoreCase,
        ComparisonOperator.NotHas => ComparisonOperator.Has,
        ComparisonOperator.NotContains => ComparisonOperator.Contains,
        ComparisonOperator.NotStartsWith => ComparisonOperator.StartsWith,
        ComparisonOperator.NotIn => ComparisonOperator.In,
        _ => op,
    };

    public static bool TakesList(this ComparisonOperator op) => op is ComparisonOperator.In or ComparisonOperator.NotIn;
}
