namespace Detection.Evaluation.Tests.Differential;

/// <summary>
/// Random scalar expressions over a relation's exact columns, each written in KQL and in SQL with KQL's semantics:
/// integer arithmetic in 64 bits (int op int is widened with tolong first), integer division truncating, <c>%</c> in [0, |d|), <c>bin</c> rounding down, null == x → false,
/// null != x → true, <c>in</c> as == joined by or. Integer arithmetic is only generated when its bound stays inside a
/// long (SQLite turns an overflowing integer into a real); division only by non-zero literals (KQL gives ±∞ for a
/// real divided by zero, SQLite null).
/// </summary>
internal sealed class ExprGenerator(Random random, IReadOnlyList<Col> columns)
{
    private const double MaxBound = 9e18;

    private static readonly (string Kql, long Ticks)[] Spans =
        [("1h", TimeSpan.TicksPerHour), ("30m", 30 * TimeSpan.TicksPerMinute), ("1d", TimeSpan.TicksPerDay), ("90s", 90 * TimeSpan.TicksPerSecond), ("15m", 15 * TimeSpan.TicksPerMinute)];

    private readonly List<Col> _exact = columns.Where(c => c.Exact).ToList();

    public bool Has(Ty type) => _exact.Any(c => c.Type == type);

    private T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private Ex? Column(Ty type) => _exact.Where(c => c.Type == type).ToList() is { Count: > 0 } list ? Pick(list).Ref() : null;

    public Ex Literal(Ty type)
    {
        switch (type)
        {
            case Ty.Int:
            case Ty.Long:
                var n = random.Next(8) == 0 ? random.Next(-1000, 1000) : random.Next(-5, 6);
                var number = n < 0 ? $"({n})" : n.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return new(number, number, Ty.Long, Math.Abs(n));
            case Ty.Real:
                var r = random.Next(-20, 21) / 4.0;
                return new(r < 0 ? $"({Kql.Num(r)})" : Kql.Num(r), r < 0 ? $"({Sql.Num(r)})" : Sql.Num(r), Ty.Real, Math.Abs(r));
            case Ty.String:
                var w = Pick(RandomTables.Words);
                return new(Kql.Str(w), Sql.Str(w), Ty.String);
            case Ty.Bool:
                var b = random.Next(2) == 0;
                return new(b ? "true" : "false", b ? "1" : "0", Ty.Bool);
            case Ty.DateTime:
                var t = RandomTables.Epoch.AddMinutes(random.Next(-60, 3 * 24 * 60 + 60));
                return new(Kql.DateTime(t), t.Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), Ty.DateTime);
            default:
                var (text, ticks) = Pick(Spans);
                return new(text, ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), Ty.TimeSpan);
        }
    }

    /// <summary>An expression of exactly <paramref name="type"/> (int only as a column), or null when none can be made.</summary>
    public Ex? Value(Ty type, int depth)
    {
        if (type == Ty.Bool) return Predicate(depth);
        if (type == Ty.Int) return Column(Ty.Int);
        if (depth <= 0 || random.Next(3) == 0) return random.Next(4) == 0 && type != Ty.Int ? Literal(type) : Column(type) ?? Literal(type);
        return type switch
        {
            Ty.Long => LongExpr(depth - 1),
            Ty.Real => RealExpr(depth - 1),
            Ty.String => StringExpr(depth - 1),
            Ty.DateTime => DateTimeExpr(depth - 1),
            _ => TimeSpanExpr(depth - 1),
        };
    }

    /// <summary>A long or int expression.</summary>
    public Ex? Integer(int depth) => random.Next(3) == 0 && Has(Ty.Int) ? Column(Ty.Int) : Value(Ty.Long, depth);

    public Ex? Numeric(int depth) => random.Next(3) switch
    {
        0 => Value(Ty.Real, depth),
        _ => Integer(depth),
    };

    private Ex? LongExpr(int depth)
    {
        switch (random.Next(8))
        {
            case 0:
            case 1:
            case 2:
            {
                if (Integer(depth) is not { } a || Integer(depth) is not { } b) return null;
                var op = "+-*"[random.Next(3)];
                var bound = op == '*' ? a.Bound * b.Bound : a.Bound + b.Bound;
                if (bound > MaxBound) return null;
                // int op int is an int (Kusto.Language, our binder and evaluator) and the int columns' range overflows
                // it: widened first, as a rule writer would
                var left = a.Type == Ty.Int && b.Type == Ty.Int ? $"tolong({a.Kql})" : a.Kql;
                return new($"({left} {op} {b.Kql})", $"(({a.Sql}) {op} ({b.Sql}))", Ty.Long, bound);
            }
            case 3:
            {
                if (Integer(depth) is not { } a) return null;
                var k = Pick(new[] { 2, 3, -4, 7 });
                return new($"({a.Kql} / {(k < 0 ? $"({k})" : k)})", $"(({a.Sql}) / ({k}))", Ty.Long, a.Bound);
            }
            case 4:
            {
                // numerical-operators.md: the modulo is always in [0, |d|): -14 % 12 → 10.
                if (Integer(depth) is not { } a) return null;
                var k = Pick(new[] { 2, 3, 5, -7 });
                var m = Math.Abs(k);
                return new($"({a.Kql} % {(k < 0 ? $"({k})" : k)})", $"(((({a.Sql}) % {m}) + {m}) % {m})", Ty.Long, m);
            }
            case 5:
            {
                // bin-function.md: bin rounds down (floor), also for negative values.
                if (Value(Ty.Long, depth) is not { } a) return null;
                var k = Pick(new[] { 2, 5, 10 });
                return new($"bin({a.Kql}, {k})", $"(({a.Sql}) - (((({a.Sql}) % {k}) + {k}) % {k}))", Ty.Long, a.Bound + k);
            }
            case 6:
                return random.Next(2) == 0 && Value(Ty.String, depth) is { } s
                    ? new($"strlen({s.Kql})", $"length({s.Sql})", Ty.Long, 100)
                    : Column(Ty.Real) is { } r ? new($"tolong({r.Kql})", $"CAST(({r.Sql}) AS INTEGER)", Ty.Long, 1e3) : null;
            default:
            {
                if (Predicate(depth) is not { } p || Value(Ty.Long, depth) is not { } a || Value(Ty.Long, depth) is not { } b) return null;
                return new($"iff({p.Kql}, {a.Kql}, {b.Kql})", $"(CASE WHEN {p.Sql} THEN ({a.Sql}) ELSE ({b.Sql}) END)", Ty.Long, Math.Max(a.Bound, b.Bound));
            }
        }
    }

    private Ex? RealExpr(int depth)
    {
        switch (random.Next(6))
        {
            case 0:
            case 1:
            {
                if (Value(Ty.Real, depth) is not { } a || Numeric(depth) is not { } b) return null;
                var op = "+-*"[random.Next(3)];
                return random.Next(2) == 0
                    ? new($"({a.Kql} {op} {b.Kql})", $"(({a.Sql}) {op} ({b.Sql}))", Ty.Real)
                    : new($"({b.Kql} {op} {a.Kql})", $"(({b.Sql}) {op} ({a.Sql}))", Ty.Real);
            }
            case 2:
            {
                if (Numeric(depth) is not { } a) return null;
                var k = Pick(new[] { 2.0, 0.5, -4.0, 0.25 });
                return new($"({a.Kql} / ({Kql.Num(k)}))", $"(({a.Sql}) / ({Sql.Num(k)}))", Ty.Real);
            }
            case 3:
                return Integer(depth) is { } i ? new($"todouble({i.Kql})", $"CAST(({i.Sql}) AS REAL)", Ty.Real) : null;
            case 4:
            {
                // datetime-timespan-arithmetic.md: timespan / timespan → real.
                if (Value(Ty.TimeSpan, depth) is not { } span) return null;
                return new($"({span.Kql} / 1h)", $"(CAST(({span.Sql}) AS REAL) / 36000000000.0)", Ty.Real);
            }
            default:
            {
                if (Predicate(depth) is not { } p || Value(Ty.Real, depth) is not { } a || Value(Ty.Real, depth) is not { } b) return null;
                return new($"iff({p.Kql}, {a.Kql}, {b.Kql})", $"(CASE WHEN {p.Sql} THEN ({a.Sql}) ELSE ({b.Sql}) END)", Ty.Real);
            }
        }
    }

    private Ex? StringExpr(int depth)
    {
        switch (random.Next(4))
        {
            case 0:
                return Value(Ty.String, depth) is { } a && Value(Ty.String, depth) is { } b
                    ? new($"strcat({a.Kql}, {b.Kql})", $"(({a.Sql}) || ({b.Sql}))", Ty.String) : null;
            case 1:
                return Value(Ty.String, depth) is { } s
                    ? random.Next(2) == 0 ? new($"tolower({s.Kql})", $"lower({s.Sql})", Ty.String) : new($"toupper({s.Kql})", $"upper({s.Sql})", Ty.String)
                    : null;
            default:
                // tostring-function.md: tostring(null) → "".
                return Integer(depth) is { } i ? new($"tostring({i.Kql})", $"COALESCE(CAST(({i.Sql}) AS TEXT), '')", Ty.String) : null;
        }
    }

    private Ex? DateTimeExpr(int depth)
    {
        if (Value(Ty.DateTime, depth) is not { } d) return null;
        var (span, ticks) = Pick(Spans);
        return random.Next(3) switch
        {
            0 => new($"({d.Kql} + {span})", $"(({d.Sql}) + {ticks})", Ty.DateTime),
            1 => new($"({d.Kql} - {span})", $"(({d.Sql}) - {ticks})", Ty.DateTime),
            _ => new($"bin({d.Kql}, {span})", $"(({d.Sql}) - (({d.Sql}) % {ticks}))", Ty.DateTime),
        };
    }

    private Ex? TimeSpanExpr(int depth)
    {
        if (Value(Ty.DateTime, depth) is not { } a || Value(Ty.DateTime, depth) is not { } b) return null;
        var diff = new Ex($"({a.Kql} - {b.Kql})", $"(({a.Sql}) - ({b.Sql}))", Ty.TimeSpan);
        return random.Next(3) == 0 ? new($"({diff.Kql} * 2)", $"(({diff.Sql}) * 2)", Ty.TimeSpan) : diff;
    }

    /// <summary>A predicate; SQL's three-valued logic for and/or/not is KQL's (null-values.md).</summary>
    public Ex Predicate(int depth)
    {
        for (var attempt = 0; ; attempt++)
        {
            var p = depth > 0 && random.Next(3) == 0 ? Logical(depth - 1) : Atom(depth);
            if (p is not null) return p;
            if (attempt > 20) return new("true", "1", Ty.Bool);
        }
    }

    private Ex? Logical(int depth)
    {
        var a = Predicate(depth);
        switch (random.Next(3))
        {
            case 0: { var b = Predicate(depth); return new($"({a.Kql} and {b.Kql})", $"(({a.Sql}) AND ({b.Sql}))", Ty.Bool); }
            case 1: { var b = Predicate(depth); return new($"({a.Kql} or {b.Kql})", $"(({a.Sql}) OR ({b.Sql}))", Ty.Bool); }
            default: return new($"not({a.Kql})", $"(NOT ({a.Sql}))", Ty.Bool);
        }
    }

    private Ex? Atom(int depth) => random.Next(12) switch
    {
        0 or 1 => Compare(Numeric(depth), Numeric(depth)),
        2 => Compare(Value(Ty.DateTime, depth), random.Next(2) == 0 ? Literal(Ty.DateTime) : Value(Ty.DateTime, depth)),
        3 => Compare(Value(Ty.TimeSpan, depth), Literal(Ty.TimeSpan)),
        4 or 5 => StringCompare(depth),
        6 => StringMatch(depth),
        7 => NullTest(depth),
        8 => NumericIn(depth),
        9 => Between(depth),
        10 => BoolTest(),
        _ => Value(Ty.Long, depth) is { } a ? Compare(a, Literal(Ty.Long)) : null,
    };

    private Ex? Compare(Ex? a, Ex? b)
    {
        if (a is null || b is null) return null;
        var op = Pick(new[] { "==", "!=", "<", "<=", ">", ">=" });
        var sql = op switch
        {
            "==" => Sql.Eq(a.Sql, b.Sql),
            "!=" => Sql.Ne(a.Sql, b.Sql),
            _ => $"(({a.Sql}) {op} ({b.Sql}))",
        };
        return new($"({a.Kql} {op} {b.Kql})", sql, Ty.Bool);
    }

    private Ex? StringCompare(int depth)
    {
        if (Value(Ty.String, depth) is not { } a) return null;
        var b = random.Next(3) == 0 ? Value(Ty.String, depth) ?? Literal(Ty.String) : Literal(Ty.String);
        switch (random.Next(6))
        {
            case 0: return new($"({a.Kql} == {b.Kql})", $"(({a.Sql}) = ({b.Sql}))", Ty.Bool);
            case 1: return new($"({a.Kql} != {b.Kql})", $"(({a.Sql}) <> ({b.Sql}))", Ty.Bool);
            case 2: return new($"({a.Kql} =~ {b.Kql})", $"(lower({a.Sql}) = lower({b.Sql}))", Ty.Bool);
            case 3: return new($"({a.Kql} !~ {b.Kql})", $"(lower({a.Sql}) <> lower({b.Sql}))", Ty.Bool);
            default:
            {
                var words = Enumerable.Range(0, random.Next(1, 5)).Select(_ => Pick(RandomTables.Words)).ToList();
                var op = Pick(new[] { "in", "!in", "in~", "!in~" });
                var ci = op.EndsWith('~');
                var left = ci ? $"lower({a.Sql})" : a.Sql;
                var list = string.Join(", ", words.Select(w => ci ? $"lower({Sql.Str(w)})" : Sql.Str(w)));
                return new($"({a.Kql} {op} ({string.Join(", ", words.Select(Kql.Str))}))",
                    $"(({left}) {(op.StartsWith('!') ? "NOT IN" : "IN")} ({list}))", Ty.Bool);
            }
        }
    }

    private Ex? StringMatch(int depth)
    {
        if (Value(Ty.String, depth) is not { } a) return null;
        var needle = Pick(RandomTables.Words.Where(w => w.Length > 0).ToList());
        if (random.Next(2) == 0) needle = needle[..random.Next(1, needle.Length + 1)];
        var n = needle.Length;
        var op = Pick(new[] { "contains", "contains_cs", "startswith", "startswith_cs", "endswith", "endswith_cs" });
        var cs = op.EndsWith("_cs", StringComparison.Ordinal);
        var (s, w) = cs ? (a.Sql, Sql.Str(needle)) : ($"lower({a.Sql})", $"lower({Sql.Str(needle)})");
        var sql = (cs ? op[..^3] : op) switch
        {
            "contains" => $"(instr({s}, {w}) > 0)",
            "startswith" => $"(substr({s}, 1, {n}) = {w})",
            _ => $"(length({s}) >= {n} AND substr({s}, -{n}) = {w})",
        };
        var negate = random.Next(3) == 0;
        return new($"({a.Kql} {(negate ? "!" : "")}{op} {Kql.Str(needle)})", negate ? $"(NOT {sql})" : sql, Ty.Bool);
    }

    private Ex? NullTest(int depth)
    {
        if (random.Next(3) == 0 && Value(Ty.String, depth) is { } s)
            return random.Next(2) == 0 ? new($"isempty({s.Kql})", $"(({s.Sql}) = '')", Ty.Bool) : new($"isnotempty({s.Kql})", $"(({s.Sql}) <> '')", Ty.Bool);
        var type = Pick(new[] { Ty.Int, Ty.Long, Ty.Real, Ty.Bool, Ty.DateTime });
        if (type == Ty.Bool) return Column(Ty.Bool) is { } b ? new($"isnull({b.Kql})", $"(({b.Sql}) IS NULL)", Ty.Bool) : null;
        if (Value(type, depth) is not { } x) return null;
        return random.Next(2) == 0 ? new($"isnull({x.Kql})", $"(({x.Sql}) IS NULL)", Ty.Bool) : new($"isnotnull({x.Kql})", $"(({x.Sql}) IS NOT NULL)", Ty.Bool);
    }

    private Ex? NumericIn(int depth)
    {
        if (Integer(depth) is not { } a) return null;
        var values = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(-4, 5)).ToList();
        var list = string.Join(", ", values);
        // null-values.md: in is == joined by or (null → false), !in is != joined by and (null → true).
        return random.Next(2) == 0
            ? new($"({a.Kql} in ({list}))", $"(CASE WHEN ({a.Sql}) IS NULL THEN 0 ELSE ({a.Sql}) IN ({list}) END)", Ty.Bool)
            : new($"({a.Kql} !in ({list}))", $"(CASE WHEN ({a.Sql}) IS NULL THEN 1 ELSE ({a.Sql}) NOT IN ({list}) END)", Ty.Bool);
    }

    private Ex? Between(int depth)
    {
        var negate = random.Next(3) == 0;
        var not = negate ? "NOT " : "";
        if (random.Next(2) == 0)
        {
            if (Value(Ty.DateTime, depth) is not { } d) return null;
            var from = Literal(Ty.DateTime);
            // between-operator.md: the right end may be a timespan added to the left end.
            var (span, ticks) = Pick(Spans);
            var to = random.Next(2) == 0 ? (Kql: span, Sql: $"({from.Sql} + {ticks})") : (Kql: Kql.DateTime(new DateTime(long.Parse(from.Sql, System.Globalization.CultureInfo.InvariantCulture) + 7 * ticks, DateTimeKind.Utc)), Sql: $"({from.Sql} + {7 * ticks})");
            return new($"({d.Kql} {(negate ? "!" : "")}between ({from.Kql} .. {to.Kql}))", $"(({d.Sql}) {not}BETWEEN {from.Sql} AND {to.Sql})", Ty.Bool);
        }
        if (Numeric(depth) is not { } x) return null;
        var lo = random.Next(-6, 4);
        var hi = lo + random.Next(0, 6);
        return new($"({x.Kql} {(negate ? "!" : "")}between (({lo}) .. ({hi})))", $"(({x.Sql}) {not}BETWEEN {lo} AND {hi})", Ty.Bool);
    }

    private Ex? BoolTest()
    {
        if (Column(Ty.Bool) is not { } b) return null;
        return random.Next(4) switch
        {
            0 => b,
            1 => new($"not({b.Kql})", $"(NOT ({b.Sql}))", Ty.Bool),
            2 => new($"({b.Kql} == true)", Sql.Eq(b.Sql, "1"), Ty.Bool),
            _ => new($"({b.Kql} != false)", Sql.Ne(b.Sql, "0"), Ty.Bool),
        };
    }
}
