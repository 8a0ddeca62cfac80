namespace Detection.Evaluation.Tests.Differential;

/// <summary>How a query's result is compared: as a multiset, or with the order checks of sort / top / take.</summary>
internal enum Finish { None, Sort, Top, Take }

/// <summary>A sort key of a finishing sort or top: the column's ordinal, the direction and where nulls go.</summary>
internal sealed record SortKey(int Ordinal, bool Descending, bool NullsFirst);

/// <summary>
/// A generated query: the KQL text, the SQL text of the rows it must return (for <see cref="Finish.Top"/>, all rows in
/// the top's order, without the limit), the expected columns, and how to compare.
/// </summary>
internal sealed record Query(string Kql, string Sql, IReadOnlyList<Col> Cols, Finish Finish = Finish.None, int Take = 0, IReadOnlyList<SortKey>? Keys = null);

/// <summary>
/// Random queries in the relational subset over <see cref="RandomTables"/>: a source (a table or a union of tables),
/// zero to four stages (where, extend, project, project-away, project-rename, summarize, distinct, join, union) and an
/// optional finish (sort, top, take, count). Each stage wraps the SQL of its input in a sub-select.
/// </summary>
internal sealed partial class QueryGenerator(Random random)
{
    private int _names;

    private const int TableCount = 3;

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private string Fresh(string prefix) => prefix + _names++;

    private static string Q(int n) => "q" + n;

    public Query Next()
    {
        var rel = Source();
        var joins = 0;
        var grouped = false;
        var stages = random.Next(0, 5);
        for (var s = 0; s < stages; s++)
        {
            var choice = random.Next(20);
            // a second join only after a summarize or distinct, so that results stay small
            if (choice is >= 14 and < 17 && joins > 0 && !grouped) choice = 0;
            Rel? next = choice switch
            {
                < 6 => Where(rel),
                < 8 => Extend(rel),
                < 10 => Project(rel),
                < 13 => Summarize(rel),
                13 => Distinct(rel),
                < 17 => Join(rel),
                17 => Union(rel),
                _ => Where(rel),
            };
            if (next is null || next.Cols.Count == 0) continue;
            if (choice is >= 14 and < 17) joins++;
            if (choice is >= 10 and <= 13) grouped = true;
            rel = next;
        }
        return Finished(rel);
    }

    private Rel Source()
    {
        var k = random.Next(TableCount);
        if (random.Next(6) != 0) return new($"T{k}", $"SELECT * FROM T{k}", RandomTables.Columns);
        var m = random.Next(TableCount);
        var all = string.Join(", ", RandomTables.Columns.Select(c => c.Ref().Sql));
        if (random.Next(2) == 0)
        {
            // union-operator.md: withsource adds a column naming each row's table.
            var cols = new List<Col> { new("src", Ty.String) };
            cols.AddRange(RandomTables.Columns);
            return new($"union withsource=src T{k}, T{m}", $"SELECT 'T{k}' AS \"src\", {all} FROM T{k} UNION ALL SELECT 'T{m}', {all} FROM T{m}", cols);
        }
        var kind = random.Next(2) == 0 ? "" : "kind=inner ";
        return new($"union {kind}T{k}, T{m}", $"SELECT {all} FROM T{k} UNION ALL SELECT {all} FROM T{m}", RandomTables.Columns);
    }

    private Rel Where(Rel rel)
    {
        var p = new ExprGenerator(random, rel.Cols).Predicate(2);
        var q = Q(_names++);
        return new($"{rel.Kql} | where {p.Kql}", $"SELECT * FROM ({rel.Sql}) AS {q} WHERE {p.Sql}", rel.Cols);
    }

    private Rel? Extend(Rel rel)
    {
        var gen = new ExprGenerator(random, rel.Cols);
        var type = Pick(new[] { Ty.Long, Ty.Long, Ty.Real, Ty.String, Ty.Bool, Ty.DateTime, Ty.TimeSpan });
        if (gen.Value(type, 2) is not { } x) return null;
        var name = Fresh("x");
        var cols = rel.Cols.Append(new Col(name, x.Type, x.Exact, x.Bound)).ToList();
        return new($"{rel.Kql} | extend {name} = {x.Kql}", $"SELECT *, {x.Sql} AS {Sql.Name(name)} FROM ({rel.Sql}) AS {Q(_names++)}", cols);
    }

    private Rel? Project(Rel rel)
    {
        var q = Q(_names++);
        switch (random.Next(4))
        {
            case 0:
            {
                var away = rel.Cols.Where(_ => random.Next(3) == 0).ToList();
                if (away.Count == 0 || away.Count == rel.Cols.Count) return null;
                var kept = rel.Cols.Except(away).ToList();
                return new($"{rel.Kql} | project-away {string.Join(", ", away.Select(c => c.Name))}",
                    $"SELECT {string.Join(", ", kept.Select(c => c.Ref().Sql))} FROM ({rel.Sql}) AS {q}", kept);
            }
            case 1:
            {
                var old = Pick(rel.Cols);
                var name = Fresh("n");
                var cols = rel.Cols.Select(c => c == old ? c with { Name = name } : c).ToList();
                return new($"{rel.Kql} | project-rename {name} = {old.Name}",
                    $"SELECT {string.Join(", ", rel.Cols.Select(c => c == old ? $"{c.Ref().Sql} AS {Sql.Name(name)}" : c.Ref().Sql))} FROM ({rel.Sql}) AS {q}", cols);
            }
            default:
            {
                var kept = rel.Cols.OrderBy(_ => random.Next()).Take(random.Next(1, rel.Cols.Count + 1)).ToList();
                var items = kept.Select(c => (Kql: c.Name, Sql: c.Ref().Sql, Col: c)).ToList();
                if (random.Next(2) == 0 && new ExprGenerator(random, rel.Cols).Value(Pick(new[] { Ty.Long, Ty.Real, Ty.String, Ty.Bool }), 2) is { } x)
                {
                    var name = Fresh("p");
                    items.Insert(random.Next(items.Count + 1), ($"{name} = {x.Kql}", $"{x.Sql} AS {Sql.Name(name)}", new Col(name, x.Type, x.Exact, x.Bound)));
                }
                return new($"{rel.Kql} | project {string.Join(", ", items.Select(i => i.Kql))}",
                    $"SELECT {string.Join(", ", items.Select(i => i.Sql))} FROM ({rel.Sql}) AS {q}", items.Select(i => i.Col).ToList());
            }
        }
    }

    private Rel? Distinct(Rel rel)
    {
        var kept = rel.Cols.Where(c => c.Exact).OrderBy(_ => random.Next()).Take(random.Next(1, 4)).ToList();
        if (kept.Count == 0) return null;
        return new($"{rel.Kql} | distinct {string.Join(", ", kept.Select(c => c.Name))}",
            $"SELECT DISTINCT {string.Join(", ", kept.Select(c => c.Ref().Sql))} FROM ({rel.Sql}) AS {Q(_names++)}", kept);
    }

    private Query Finished(Rel rel)
    {
        switch (rel.Cols.Any(c => c.Exact) ? random.Next(10) : 3 + random.Next(7))
        {
            case 0:
            case 1:
                return new($"{rel.Kql} | sort by {SortKeys(rel, out var sortKeys)}", rel.Sql, rel.Cols, Finish.Sort, Keys: sortKeys);
            case 2:
            {
                var n = random.Next(0, 12);
                var text = SortKeys(rel, out var keys);
                var order = string.Join(", ", keys.Select(k => $"{rel.Cols[k.Ordinal].Ref().Sql} {(k.Descending ? "DESC" : "ASC")} NULLS {(k.NullsFirst ? "FIRST" : "LAST")}"));
                return new($"{rel.Kql} | top {n} by {text}", $"SELECT * FROM ({rel.Sql}) AS {Q(_names++)} ORDER BY {order}", rel.Cols, Finish.Top, n, keys);
            }
            case 3:
            {
                var n = random.Next(0, 12);
                return new($"{rel.Kql} | {(random.Next(2) == 0 ? "take" : "limit")} {n}", rel.Sql, rel.Cols, Finish.Take, n);
            }
            case 4:
                return new($"{rel.Kql} | count", $"SELECT COUNT(*) AS \"Count\" FROM ({rel.Sql}) AS {Q(_names++)}", [new Col("Count", Ty.Long)]);
            default:
                return new(rel.Kql, rel.Sql, rel.Cols);
        }
    }

    /// <summary>
    /// One to three sort keys. sort-operator.md: nulls first is the default ascending, nulls last descending; desc is the
    /// default direction. Strings get no nulls clause (the evaluator's strings are never null).
    /// </summary>
    private string SortKeys(Rel rel, out List<SortKey> keys)
    {
        keys = [];
        var parts = new List<string>();
        // only exact columns: reals summed in another order may tie differently
        foreach (var ordinal in Enumerable.Range(0, rel.Cols.Count).Where(i => rel.Cols[i].Exact).OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            var col = rel.Cols[ordinal];
            var direction = random.Next(3);
            var descending = direction != 1;
            var text = col.Name + direction switch { 0 => " desc", 1 => " asc", _ => "" };
            var nullsFirst = !descending;
            if (col.Type != Ty.String && random.Next(3) == 0)
            {
                nullsFirst = random.Next(2) == 0;
                text += nullsFirst ? " nulls first" : " nulls last";
            }
            keys.Add(new SortKey(ordinal, descending, nullsFirst));
            parts.Add(text);
        }
        return string.Join(", ", parts);
    }
}
