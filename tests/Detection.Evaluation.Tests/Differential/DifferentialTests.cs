using System.Diagnostics;
using System.Globalization;
using Detection.Evaluation.Tests.Support;
using Xunit.Abstractions;

namespace Detection.Evaluation.Tests.Differential;

/// <summary>
/// Issue #4's differential suite: thousands of random queries in the relational subset run on the evaluator and, written
/// in SQL with KQL's semantics, on SQLite in memory over the same random tables; the results must agree. A run is
/// seeded: <c>DETECTION_DIFF_SEED</c> repeats one (a fresh seed otherwise); a failure prints the seed and each failing
/// query in both languages. <c>DETECTION_DIFF_QUERIES</c> changes the number of queries.
/// </summary>
public class DifferentialTests(ITestOutputHelper output)
{
    private const int QueriesPerDataset = 200;

    [Fact]
    public void Random_relational_queries_agree_with_sqlite()
    {
        var seed = Environment.GetEnvironmentVariable("DETECTION_DIFF_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture) : Random.Shared.Next();
        var total = Environment.GetEnvironmentVariable("DETECTION_DIFF_QUERIES") is { Length: > 0 } count
            ? int.Parse(count, CultureInfo.InvariantCulture) : 3000;
        var random = new Random(seed);
        var failures = new List<string>();
        var rows = 0L;
        var nonEmpty = 0;
        var features = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        for (var run = 0; run < total; run += QueriesPerDataset)
        {
            using var tables = new RandomTables(new Random(random.Next()));
            var generator = new QueryGenerator(new Random(random.Next()));
            var context = new EvaluationContext(Data.Now, tables.ByName);
            for (var q = run; q < Math.Min(total, run + QueriesPerDataset); q++)
            {
                var query = generator.Next();
                var before = rows;
                var error = Check(query, tables, context, ref rows);
                if (rows > before) nonEmpty++;
                foreach (var feature in Features(query.Kql)) features[feature] = features.GetValueOrDefault(feature) + 1;
                if (error is not null) failures.Add($"query {q}:\n  KQL: {query.Kql}\n  SQL: {query.Sql}\n  {error}");
            }
        }
        output.WriteLine($"seed {seed}: {total} queries ({nonEmpty} with rows), {rows} result rows compared, {failures.Count} failed, {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine(string.Join(", ", features.Select(f => $"{f.Key} {f.Value}")));
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {total} queries disagree with SQLite (reproduce with DETECTION_DIFF_SEED={seed}):\n\n" + string.Join("\n\n", failures.Take(8)));
    }

    private static IEnumerable<string> Features(string kql) =>
        System.Text.RegularExpressions.Regex.Matches(kql, @"\| (join kind=\w+|join|union|where|extend|project-away|project-rename|project|summarize|distinct|sort|top|take|limit|count)\b")
            .Select(m => m.Groups[1].Value).Concat(kql.StartsWith("union", StringComparison.Ordinal) ? ["union source"] : []).Distinct();

    private static string? Check(Query query, RandomTables tables, EvaluationContext context, ref long rows)
    {
        List<object?[]> expected;
        try { expected = ResultComparer.SqlRows(tables.Connection, query.Sql, query.Cols); }
        catch (Exception e) { return "SQLite failed (a harness bug): " + e.Message; }

        Detection.Tables.Table table;
        try { table = KqlEvaluator.Evaluate(query.Kql, context); }
        catch (Exception e) { return "the evaluator failed: " + e.GetType().Name + ": " + e.Message; }

        var schema = string.Join(", ", table.Schema.Columns.Select(c => $"{c.Name}:{c.Type}"));
        var wanted = string.Join(", ", query.Cols.Select(c => $"{c.Name}:{c.Type.Kql()}"));
        if (schema != wanted) return $"columns differ:\n  evaluator: {schema}\n  expected:  {wanted}";

        var actual = ResultComparer.KqlRows(table, query.Cols);
        rows += actual.Count;
        switch (query.Finish)
        {
            case Finish.Sort:
                return ResultComparer.SameMultiset(actual, expected) ?? ResultComparer.Sorted(actual, query.Keys!);
            case Finish.Top:
            {
                var n = Math.Min(query.Take, expected.Count);
                if (actual.Count != n) return $"top returned {actual.Count} rows, expected {n}";
                if (ResultComparer.Sorted(actual, query.Keys!) is { } order) return order;
                if (ResultComparer.Unmatched(expected, actual) is { Count: > 0 } foreign) return "top returned rows not in the input: " + ResultComparer.Show(foreign[0]);
                // rows that tie at the boundary may differ; their key values may not
                object?[] Keys(object?[] row) => query.Keys!.Select(k => row[k.Ordinal]).ToArray();
                return ResultComparer.SameMultiset(actual.Select(Keys).ToList(), expected.Take(n).Select(Keys).ToList()) is { } keys ? "top keys: " + keys : null;
            }
            case Finish.Take:
            {
                var n = Math.Min(query.Take, expected.Count);
                if (actual.Count != n) return $"take returned {actual.Count} rows, expected {n}";
                return ResultComparer.Unmatched(expected, actual) is { Count: > 0 } foreign ? "take returned rows not in the input: " + ResultComparer.Show(foreign[0]) : null;
            }
            default:
                return ResultComparer.SameMultiset(actual, expected);
        }
    }
}
