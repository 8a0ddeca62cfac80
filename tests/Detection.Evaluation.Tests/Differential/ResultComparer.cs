using System.Globalization;
using System.Text;
using Detection.Tables;
using Microsoft.Data.Sqlite;

namespace Detection.Evaluation.Tests.Differential;

/// <summary>
/// Rows of both sides normalised to comparable values (long for int/long/datetime/timespan ticks, double for real with
/// NaN, bool, string, null), and the comparisons of the suite: multisets with a relative tolerance of 1e-9 on reals,
/// the order of a sort, the key values of a top, inclusion for take. Each check returns null or what differs.
/// </summary>
internal static class ResultComparer
{
    public static List<object?[]> KqlRows(Table table, IReadOnlyList<Col> cols)
    {
        var rows = new List<object?[]>();
        foreach (var chunk in table.Chunks)
            for (var r = 0; r < chunk.RowCount; r++)
                rows.Add(cols.Select((c, i) => FromKql(chunk.Columns[i].GetValue(r))).ToArray());
        return rows;
    }

    public static List<object?[]> SqlRows(SqliteConnection connection, string sql, IReadOnlyList<Col> cols)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var rows = new List<object?[]>();
        while (reader.Read())
            rows.Add(cols.Select((c, i) => FromSql(reader.IsDBNull(i) ? null : reader.GetValue(i), c.Type)).ToArray());
        return rows;
    }

    private static object? FromKql(object? value) => value switch
    {
        int i => (long)i,
        DateTime t => t.Ticks,
        TimeSpan t => t.Ticks,
        _ => value,
    };

    private static object? FromSql(object? value, Ty type) => (value, type) switch
    {
        (null, Ty.String) => "",
        (null, _) => null,
        (long l, Ty.Bool) => l != 0,
        (long l, Ty.Real) => (double)l,
        ("NaN", Ty.Real) => double.NaN,
        _ => value,
    };

    public static bool Same(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (double x, double y) => double.IsNaN(x) ? double.IsNaN(y) : Math.Abs(x - y) <= 1e-9 * Math.Max(1, Math.Max(Math.Abs(x), Math.Abs(y))),
        (null, _) or (_, null) => false,
        _ => a.GetType() == b.GetType() && a.Equals(b),
    };

    private static bool SameRow(object?[] a, object?[] b) => a.Length == b.Length && a.Zip(b).All(p => Same(p.First, p.Second));

    /// <summary>A sort key for multisets: reals rounded to 9 digits (pairs are then compared with the tolerance).</summary>
    private static string Key(object?[] row)
    {
        var sb = new StringBuilder();
        foreach (var v in row)
        {
            sb.Append(v switch
            {
                null => "∅",
                double d => "D" + d.ToString("G9", CultureInfo.InvariantCulture),
                long l => "L" + l.ToString(CultureInfo.InvariantCulture),
                bool b => b ? "T" : "F",
                _ => "S" + v,
            });
            sb.Append('\u001f');
        }
        return sb.ToString();
    }

    public static string Show(object?[] row) => string.Join(" | ", row.Select(v => v switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        _ => Convert.ToString(v, CultureInfo.InvariantCulture),
    }));

    /// <summary>Null when <paramref name="actual"/> and <paramref name="expected"/> hold the same rows, in any order.</summary>
    public static string? SameMultiset(List<object?[]> actual, List<object?[]> expected)
    {
        if (actual.Count != expected.Count) return $"{actual.Count} rows, expected {expected.Count}" + Sample(actual, expected);
        var a = actual.OrderBy(Key, StringComparer.Ordinal).ToList();
        var e = expected.OrderBy(Key, StringComparer.Ordinal).ToList();
        if (a.Zip(e).All(p => SameRow(p.First, p.Second))) return null;
        var missing = Unmatched(a, e);
        var extra = Unmatched(e, a);
        if (missing.Count == 0 && extra.Count == 0) return null;
        return "rows differ:\n  only in the evaluator: " + string.Join("\n    ", extra.Take(5).Select(Show))
            + "\n  only in SQLite:       " + string.Join("\n    ", missing.Take(5).Select(Show));
    }

    /// <summary>The rows of <paramref name="wanted"/> that no row of <paramref name="pool"/> matches (one-to-one).</summary>
    public static List<object?[]> Unmatched(List<object?[]> pool, List<object?[]> wanted)
    {
        var byKey = pool.GroupBy(Key).ToDictionary(g => g.Key, g => new Queue<object?[]>(g));
        var rest = new List<object?[]>();
        var misses = new List<object?[]>();
        foreach (var row in wanted)
        {
            if (byKey.TryGetValue(Key(row), out var queue) && queue.Count > 0) queue.Dequeue();
            else misses.Add(row);
        }
        if (misses.Count == 0) return misses;
        // rounding put a near-equal real under another key: match the leftovers with the tolerance
        var left = byKey.Values.SelectMany(q => q).ToList();
        foreach (var row in misses)
        {
            var i = left.FindIndex(r => SameRow(r, row));
            if (i >= 0) left.RemoveAt(i);
            else rest.Add(row);
        }
        return rest;
    }

    /// <summary>Null when the rows are in the order of <paramref name="keys"/> (sort-operator.md: nulls first ascending, last descending by default).</summary>
    public static string? Sorted(List<object?[]> rows, IReadOnlyList<SortKey> keys)
    {
        for (var i = 1; i < rows.Count; i++)
            if (CompareRows(rows[i - 1], rows[i], keys) > 0) return $"rows {i - 1} and {i} are out of order:\n  {Show(rows[i - 1])}\n  {Show(rows[i])}";
        return null;
    }

    public static int CompareRows(object?[] a, object?[] b, IReadOnlyList<SortKey> keys)
    {
        foreach (var key in keys)
        {
            var (x, y) = (a[key.Ordinal], b[key.Ordinal]);
            int c;
            if (x is null || y is null) c = x is null && y is null ? 0 : (x is null) == key.NullsFirst ? -1 : 1;
            else
            {
                c = (x, y) switch
                {
                    (long p, long q) => p.CompareTo(q),
                    (double p, double q) => p.CompareTo(q),
                    (string p, string q) => string.CompareOrdinal(p, q),
                    (bool p, bool q) => p.CompareTo(q),
                    _ => throw new InvalidOperationException($"cannot order {x.GetType().Name} and {y.GetType().Name}"),
                };
                if (key.Descending) c = -c;
            }
            if (c != 0) return c;
        }
        return 0;
    }

    private static string Sample(List<object?[]> actual, List<object?[]> expected) =>
        "\n  evaluator: " + string.Join("\n    ", actual.Take(4).Select(Show)) + "\n  SQLite:    " + string.Join("\n    ", expected.Take(4).Select(Show));
}
