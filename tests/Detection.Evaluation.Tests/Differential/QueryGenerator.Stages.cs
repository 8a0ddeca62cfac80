namespace Detection.Evaluation.Tests.Differential;

internal sealed partial class QueryGenerator
{
    private static readonly Ty[] KeyTypes = [Ty.Int, Ty.Long, Ty.String, Ty.Bool, Ty.DateTime];

    private static readonly (string Kql, long Ticks)[] Bins = [("1h", TimeSpan.TicksPerHour), ("1d", TimeSpan.TicksPerDay), ("15m", 15 * TimeSpan.TicksPerMinute)];

    /// <summary>
    /// summarize with 0–2 keys (columns, <c>bin(datetime, span)</c>, <c>bin(long, k)</c>, named expressions) and 1–3
    /// aggregates, named or with Kusto's default names (count_, countif_, sum_x, …, summarize-operator.md). Without keys
    /// the result is one row even over no input, as in SQL. sum over no value is 0 and avg over no value is NaN
    /// (summarize-operator.md, "default values of aggregations").
    /// </summary>
    private Rel? Summarize(Rel rel)
    {
        var gen = new ExprGenerator(random, rel.Cols);
        var used = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<(string Kql, string Sql, Col Col)>();
        var candidates = rel.Cols.Where(c => c.Exact && KeyTypes.Contains(c.Type)).ToList();
        for (var k = random.Next(0, 3); k > 0 && candidates.Count > 0; k--)
        {
            var c = Pick(candidates);
            // Natural is the name Kusto gives the key (a column, or bin's first argument); an expression gets one here
            (string Kql, string Sql, Ty Type, double Bound, string? Natural) key = random.Next(4) switch
            {
                0 when c.Type == Ty.DateTime && Pick(Bins) is var (span, ticks) => ($"bin({c.Name}, {span})", $"({c.Ref().Sql} - ({c.Ref().Sql} % {ticks}))", c.Type, 0, c.Name),
                1 when c.Type == Ty.Long => ($"bin({c.Name}, 5)", $"({c.Ref().Sql} - ((({c.Ref().Sql} % 5) + 5) % 5))", c.Type, c.Bound + 5, c.Name),
                2 when gen.Value(Pick(new[] { Ty.Long, Ty.String, Ty.Bool }), 1) is { } x => (x.Kql, x.Sql, x.Type, x.Bound, null),
                _ => (c.Name, c.Ref().Sql, c.Type, c.Bound, c.Name),
            };
            var name = key.Natural ?? Fresh("k");
            var text = key.Natural is null ? $"{name} = {key.Kql}" : key.Kql;
            if (!used.Add(name))
            {
                name = Fresh("k");
                used.Add(name);
                text = $"{name} = {key.Kql}";
            }
            items.Add((text, key.Sql, new Col(name, key.Type, true, key.Bound)));
        }
        var keyCount = items.Count;
        for (var a = random.Next(1, 4); a > 0; a--)
        {
            if (Aggregate(gen, rel) is not { } agg) continue;
            var name = agg.DefaultName is { } d && random.Next(2) == 0 && !used.Contains(d) ? d : Fresh("a");
            used.Add(name);
            items.Add((name == agg.DefaultName ? agg.Kql : $"{name} = {agg.Kql}", agg.Sql, agg.Col with { Name = name }));
        }
        if (items.Count == keyCount) return null;
        var kql = $"{rel.Kql} | summarize {string.Join(", ", items.Skip(keyCount).Select(i => i.Kql))}"
            + (keyCount > 0 ? $" by {string.Join(", ", items.Take(keyCount).Select(i => i.Kql))}" : "");
        var select = items.Take(keyCount).Concat(items.Skip(keyCount)).Select(i => $"{i.Sql} AS {Sql.Name(i.Col.Name)}");
        var groupBy = keyCount > 0 ? " GROUP BY " + string.Join(", ", Enumerable.Range(1, keyCount)) : "";
        return new(kql, $"SELECT {string.Join(", ", select)} FROM ({rel.Sql}) AS {Q(_names++)}{groupBy}", items.Select(i => i.Col).ToList());
    }

    private (string Kql, string Sql, Col Col, string? DefaultName)? Aggregate(ExprGenerator gen, Rel rel)
    {
        // a plain column argument gets the default name; an expression only an explicit one
        Ex? Arg(Func<Col, bool> fits, Func<Ex?> expression) =>
            random.Next(2) == 0 && rel.Cols.Where(c => c.Exact && fits(c)).ToList() is { Count: > 0 } list ? Pick(list).Ref() : expression();
        string? Default(string prefix, Ex x) => rel.Find(x.Kql) is not null ? $"{prefix}_{x.Kql}" : null;

        switch (random.Next(7))
        {
            case 0:
                return ("count()", "COUNT(*)", new Col("", Ty.Long, true, 1e6), "count_");
            case 1:
            {
                var p = gen.Predicate(1);
                // Kusto.Language names countif like sum: countif_b for a column, countif_ for an expression
                return ($"countif({p.Kql})", $"COUNT(CASE WHEN {p.Sql} THEN 1 END)", new Col("", Ty.Long, true, 1e6), Default("countif", p) ?? "countif_");
            }
            case 2:
            {
                if (Arg(c => c.Type.IsNumeric(), () => gen.Numeric(1)) is not { } x || (x.Type != Ty.Real && x.Bound > 1e12)) return null;
                var real = x.Type == Ty.Real;
                return ($"sum({x.Kql})", $"COALESCE(SUM({x.Sql}), {(real ? "0.0" : "0")})",
                    new Col("", real ? Ty.Real : Ty.Long, !real, x.Bound * 1e6), Default("sum", x));
            }
            case 3:
            case 4:
            {
                var type = Pick(new[] { Ty.Int, Ty.Long, Ty.Real, Ty.DateTime, Ty.TimeSpan });
                if (Arg(c => c.Type == type, () => gen.Value(type, 1)) is not { } x) return null;
                var f = random.Next(2) == 0 ? "min" : "max";
                return ($"{f}({x.Kql})", $"{f.ToUpperInvariant()}({x.Sql})", new Col("", x.Type, true, x.Bound), Default(f, x));
            }
            case 5:
            {
                if (Arg(c => c.Type.IsNumeric(), () => gen.Numeric(1)) is not { } x) return null;
                return ($"avg({x.Kql})", $"(CASE WHEN COUNT({x.Sql}) = 0 THEN 'NaN' ELSE AVG({x.Sql}) END)", new Col("", Ty.Real, false), Default("avg", x));
            }
            default:
            {
                // dcount-aggregation-function.md: exact below 1000 distinct values at the default accuracy.
                var type = Pick(KeyTypes);
                if (Arg(c => c.Type == type, () => gen.Value(type, 1)) is not { } x) return null;
                return ($"dcount({x.Kql})", $"COUNT(DISTINCT {x.Sql})", new Col("", Ty.Long, true, 1e6), Default("dcount", x));
            }
        }
    }

    /// <summary>
    /// join of every kind with one or two keys, <c>on k</c> or <c>on $left.a == $right.b</c>. Clashing right columns get
    /// Kusto's numeric suffix (join-operator.md). innerunique keeps one left row per key, which one is unspecified: its
    /// result is projected on the left keys and the right columns, which do not depend on the choice. A where may follow
    /// it: on left columns it filters the left side before the dedup (join-innerunique.md), so only keys of rows that
    /// pass it are kept; on the left keys and right columns it filters the joined rows.
    /// </summary>
    private Rel? Join(Rel left)
    {
        var leftKeys = left.Cols.Where(c => c.Exact && KeyTypes.Contains(c.Type) && (c.Type != Ty.Bool || random.Next(4) == 0))
            .OrderBy(_ => random.Next()).Take(random.Next(3) == 0 ? 2 : 1).ToList();
        if (leftKeys.Count == 0) return null;
        var m = random.Next(TableCount);
        var onForm = random.Next(2) == 0;
        var items = new List<(string Kql, string Sql, Col Col)>();
        var pairs = new List<(Col Left, Col Right)>();
        foreach (var key in leftKeys)
        {
            var source = Pick(RandomTables.Columns.Where(c => c.Type == key.Type).ToList());
            var name = onForm ? key.Name : Fresh("rk");
            var col = source with { Name = name };
            items.Add((name == source.Name ? name : $"{name} = {source.Name}", $"{source.Ref().Sql} AS {Sql.Name(name)}", col));
            pairs.Add((key, col));
        }
        foreach (var source in RandomTables.Columns.Where(c => items.All(i => i.Col.Name != c.Name)).OrderBy(_ => random.Next()).Take(random.Next(1, 4)))
        {
            var name = random.Next(2) == 0 ? source.Name : Fresh("v");
            items.Add((name == source.Name ? name : $"{name} = {source.Name}", $"{source.Ref().Sql} AS {Sql.Name(name)}", source with { Name = name }));
        }
        var where = random.Next(2) == 0 ? new ExprGenerator(random, RandomTables.Columns).Predicate(1) : null;
        var rightKql = $"(T{m}{(where is null ? "" : $" | where {where.Kql}")} | project {string.Join(", ", items.Select(i => i.Kql))})";
        var rightSql = $"SELECT {string.Join(", ", items.Select(i => i.Sql))} FROM T{m}{(where is null ? "" : $" WHERE {where.Sql}")}";
        var rightCols = items.Select(i => i.Col).ToList();

        var kind = Pick(new[] { "", "innerunique", "inner", "inner", "leftouter", "rightouter", "fullouter", "leftanti", "anti", "rightanti", "leftsemi", "rightsemi" });
        var on = onForm ? string.Join(", ", leftKeys.Select(k => k.Name)) : string.Join(", ", pairs.Select(p => $"$left.{p.Left.Name} == $right.{p.Right.Name}"));
        var kql = $"{left.Kql} | join {(kind.Length > 0 ? $"kind={kind} " : "")}{rightKql} on {on}";
        string L = Fresh("L"), R = Fresh("R");
        var condition = string.Join(" AND ", pairs.Select(p => $"{L}.{p.Left.Ref().Sql} = {R}.{p.Right.Ref().Sql}"));
        string Select(IEnumerable<Col> cols, string alias, bool nullable, IEnumerable<string>? names = null) =>
            string.Join(", ", cols.Zip(names ?? cols.Select(c => c.Name), (c, n) =>
                (nullable && c.Type == Ty.String ? $"COALESCE({alias}.{c.Ref().Sql}, '')" : $"{alias}.{c.Ref().Sql}") + $" AS {Sql.Name(n)}"));

        switch (kind)
        {
            case "leftsemi" or "leftanti" or "anti":
                return new(kql, $"SELECT {Select(left.Cols, L, false)} FROM ({left.Sql}) AS {L} WHERE {(kind == "leftsemi" ? "" : "NOT ")}EXISTS (SELECT 1 FROM ({rightSql}) AS {R} WHERE {condition})", left.Cols);
            case "rightsemi" or "rightanti":
                return new(kql, $"SELECT {Select(rightCols, R, false)} FROM ({rightSql}) AS {R} WHERE {(kind == "rightsemi" ? "" : "NOT ")}EXISTS (SELECT 1 FROM ({left.Sql}) AS {L} WHERE {condition})", rightCols);
        }

        var taken = left.Cols.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var rightNames = new List<string>();
        foreach (var c in rightCols)
        {
            var name = c.Name;
            for (var n = 1; taken.Contains(name); n++) name = c.Name + n;
            taken.Add(name);
            rightNames.Add(name);
        }
        var rightOut = rightCols.Zip(rightNames, (c, n) => c with { Name = n }).ToList();
        if (kind is "" or "innerunique")
        {
            var keyNames = string.Join(", ", leftKeys.Select(k => k.Ref().Sql));
            var outCols = leftKeys.Concat(rightOut).ToList();
            var (leftWhere, joinedWhere) = random.Next(4) switch
            {
                0 or 1 => (new ExprGenerator(random, left.Cols).Predicate(1), null),
                2 => (null, new ExprGenerator(random, outCols).Predicate(1)),
                _ => ((Ex?)null, (Ex?)null),
            };
            var after = (leftWhere ?? joinedWhere) is { } p ? $" | where {p.Kql}" : "";
            var joinSql = $"SELECT {Select(leftKeys, L, false)}, {Select(rightCols, R, false, rightNames)} FROM (SELECT DISTINCT {keyNames} FROM ({left.Sql}) AS {Fresh("q")}"
                + $"{(leftWhere is null ? "" : $" WHERE {leftWhere.Sql}")}) AS {L} JOIN ({rightSql}) AS {R} ON {condition}";
            return new($"{kql}{after} | project {string.Join(", ", outCols.Select(c => c.Name))}",
                joinedWhere is null ? joinSql : $"SELECT * FROM ({joinSql}) AS {Fresh("q")} WHERE {joinedWhere.Sql}", outCols);
        }
        var (join, leftNullable, rightNullable) = kind switch
        {
            "leftouter" => ("LEFT JOIN", false, true),
            "rightouter" => ("RIGHT JOIN", true, false),
            "fullouter" => ("FULL OUTER JOIN", true, true),
            _ => ("JOIN", false, false),
        };
        return new(kql, $"SELECT {Select(left.Cols, L, leftNullable)}, {Select(rightCols, R, rightNullable, rightNames)} FROM ({left.Sql}) AS {L} {join} ({rightSql}) AS {R} ON {condition}",
            left.Cols.Concat(rightOut).ToList());
    }

    /// <summary>
    /// <c>T | union (T2 | project …)</c> with the same columns, or one column missing from the second leg: outer union
    /// fills it with null (union-operator.md), kind=inner drops it.
    /// </summary>
    private Rel? Union(Rel rel)
    {
        var m = random.Next(TableCount);
        var gen = new ExprGenerator(random, RandomTables.Columns);
        var dropped = rel.Cols.Count > 1 && random.Next(3) == 0 ? Pick(rel.Cols) : null;
        var inner = dropped is not null && random.Next(2) == 0;
        var legKql = new List<string>();
        var legSql = new List<string>();
        var cols = new List<Col>();
        foreach (var c in rel.Cols)
        {
            if (c == dropped)
            {
                legSql.Add($"{(c.Type == Ty.String ? "''" : "NULL")} AS {c.Ref().Sql}");
                if (!inner) cols.Add(c);
                continue;
            }
            if (gen.Value(c.Type, 1) is not { } x) return null;
            legKql.Add($"{c.Name} = {x.Kql}");
            legSql.Add($"{x.Sql} AS {c.Ref().Sql}");
            cols.Add(c with { Exact = c.Exact && x.Exact, Bound = Math.Max(c.Bound, x.Bound) });
        }
        var where = random.Next(2) == 0 ? gen.Predicate(1) : null;
        var kql = $"{rel.Kql} | union {(inner ? "kind=inner " : "")}(T{m}{(where is null ? "" : $" | where {where.Kql}")} | project {string.Join(", ", legKql)})";
        var first = $"SELECT {string.Join(", ", cols.Select(c => c.Ref().Sql))} FROM ({rel.Sql}) AS {Q(_names++)}";
        var second = inner
            ? $"SELECT {string.Join(", ", legSql.Where((_, i) => rel.Cols[i] != dropped))} FROM T{m}"
            : $"SELECT {string.Join(", ", legSql)} FROM T{m}";
        if (where is not null) second += $" WHERE {where.Sql}";
        return new(kql, $"SELECT * FROM ({first}) UNION ALL SELECT * FROM ({second})", cols);
    }
}
