using Detection.Evaluation;

namespace Detection.Benchmarks.Evaluator;

/// <summary>
/// One benchmarked query: the KQL run by our evaluator and its SQL equivalent run by SQLite on the same rows. Both
/// return how many result rows they produced (the KQL queries that end in <c>count</c> return that count).
/// </summary>
internal sealed record EvaluatorCase(string Name, string Kql, string Sql, string Note = "")
{
    /// <summary>The cases of issue #4, in the order the report lists them, and the operators issue #5's rules lean on.</summary>
    public static readonly IReadOnlyList<EvaluatorCase> All =
    [
        new("where-summarize",
            """SigninLogs | where ResultType == "50126" | summarize count() by IPAddress""",
            "SELECT IPAddress, count(*) FROM SigninLogs WHERE ResultType = '50126' GROUP BY IPAddress"),
        new("dcount-by",
            "SigninLogs | summarize dcount(IPAddress) by UserPrincipalName",
            "SELECT UserPrincipalName, count(DISTINCT IPAddress) FROM SigninLogs GROUP BY UserPrincipalName",
            "dcount is HyperLogLog, SQL exact"),
        new("join-1Mx100k",
            "SigninLogs | join kind=inner (Sessions) on CorrelationId | count",
            "SELECT count(*) FROM SigninLogs s JOIN Sessions r ON s.CorrelationId = r.CorrelationId",
            "SQLite builds an automatic index on Sessions"),
        new("mv-expand",
            "SigninLogs | mv-expand ConditionalAccessPolicies | count",
            "SELECT count(*) FROM SigninLogs, json_each(SigninLogs.ConditionalAccessPolicies)"),
        new("arg_max-by",
            "SigninLogs | summarize arg_max(TimeGenerated, IPAddress, AppDisplayName) by UserPrincipalName",
            "SELECT UserPrincipalName, max(TimeGenerated), IPAddress, AppDisplayName FROM SigninLogs GROUP BY UserPrincipalName",
            "SQLite's bare columns come from the max row"),
        new("sort-by-user",
            "SigninLogs | sort by UserPrincipalName asc, TimeGenerated asc | project UserPrincipalName, TimeGenerated",
            "SELECT UserPrincipalName, TimeGenerated FROM SigninLogs ORDER BY UserPrincipalName, TimeGenerated"),
        new("make-series",
            "SigninLogs | make-series count() default=0 on TimeGenerated step 1h by UserPrincipalName",
            "SELECT UserPrincipalName, TimeGenerated / 36000000000, count(*) FROM SigninLogs GROUP BY 1, 2",
            "SQL gives the non-empty (user, hour) cells, KQL the dense series per user"),
    ];

    public long RunKql(EvaluationContext context) => KqlEvaluator.Evaluate(Kql, context) switch
    {
        var table when Kql.EndsWith("| count", StringComparison.Ordinal) => (long)table.Chunks[0][0].GetValue(0)!,
        var table => table.RowCount,
    };

    public long RunSql(SignInData data)
    {
        if (Sql.StartsWith("SELECT count(*)", StringComparison.Ordinal)) return data.Scalar(Sql);
        using var command = data.Sqlite.CreateCommand();
        command.CommandText = Sql;
        using var reader = command.ExecuteReader();
        long rows = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++) _ = reader.GetValue(i);
            rows++;
        }
        return rows;
    }

    public static EvaluationContext Context(SignInData data) =>
        new(SignInData.Start.AddDays(7), new Dictionary<string, Detection.Tables.Table>
        {
            ["SigninLogs"] = data.SignIns,
            ["Sessions"] = data.Sessions,
        });
}
