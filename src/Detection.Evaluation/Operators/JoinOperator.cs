using Detection.Evaluation.Expressions;
using Detection.Evaluation.Running;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// <c>join kind=… (right) on key, $left.a == $right.b</c> and <c>lookup</c>: a hash join on the right side. Kinds:
/// innerunique (default; the left side deduplicated on the key), inner, leftouter, rightouter, fullouter, leftanti,
/// rightanti, leftsemi, rightsemi. Right columns whose names clash get a numeric suffix (key1, Value1); lookup drops
/// the right side's key columns. Null keys match nothing.
/// </summary>
internal static class JoinOperator
{
    public static Table Run(SyntaxNode op, Table leftTable, QueryRunner runner, Scope scope) =>
        Run(op, leftTable, runner, scope, [], out _);

    /// <summary>
    /// The join, given the where operators that directly follow it: for innerunique, those of them that read only left
    /// columns, from the first, filter the left side before its dedup (<see cref="JoinWherePushdown"/>);
    /// <paramref name="pushed"/> says how many (0 for other kinds). The caller runs the others on the result.
    /// </summary>
    public static Table Run(SyntaxNode op, Table leftTable, QueryRunner runner, Scope scope, IReadOnlyList<SyntaxNode> followingWheres, out int pushed)
    {
        pushed = 0;
        var left = leftTable.Schema;
        var isLookup = op.Kind == SyntaxKind.LookupOperator;
        var kind = Naming.Parameter(op, "kind") ?? (isLookup ? "leftouter" : "innerunique");
        var rightNode = op.Nodes().First(n => n.Kind is not (SyntaxKind.QueryParameter or SyntaxKind.OnClause));
        var rightTable = runner.Tabular(rightNode, scope);
        var right = rightTable.Schema;
        var on = op.Node(SyntaxKind.OnClause) ?? throw new EvaluationException("join needs an on clause", op.Span);
        var (leftKeys, rightKeys, rightKeyNames) = Keys(on, runner, scope, left, right);
        var keptRight = Enumerable.Range(0, right.Columns.Length)
            .Where(i => !isLookup || !rightKeyNames.Contains(right.Columns[i].Name)).ToList();
        var joined = JoinedSchema(left, right, keptRight);
        if (kind == "innerunique")
        {
            pushed = JoinWherePushdown.PushableCount(followingWheres, left, joined, runner, scope);
            foreach (var where in followingWheres.Take(pushed)) leftTable = WhereOperator.Run(where, leftTable, runner, scope);
        }

        // Keys become small integers (one id per distinct key, both sides): the right side is indexed by id, and string
        // keys are compared as string ids, never hashed as text.
        var ids = new KeyIds(runner.Strings);
        var rightIds = RowIds(rightTable, rightKeys, ids, add: true);
        var rightKeyCount = ids.Count;
        var leftIds = RowIds(leftTable, leftKeys, ids, add: false);
        var (matchStart, matchRows) = Index(rightIds, rightKeyCount);
        ReadOnlySpan<int> Matches(int id) => id >= 0 ? matchRows.AsSpan(matchStart[id], matchStart[id + 1] - matchStart[id]) : [];

        IReadOnlyList<int> leftRows = Enumerable.Range(0, leftIds.Length).ToArray();
        if (kind == "innerunique")
        {
            // Left rows without a match give nothing to an inner join, so only matching keys need deduplicating.
            var seen = new bool[rightKeyCount];
            var first = new List<int>();
            foreach (var r in leftRows)
            {
                if (leftIds[r] < 0 || seen[leftIds[r]]) continue;
                seen[leftIds[r]] = true;
                first.Add(r);
            }
            leftRows = first;
            kind = "inner";
        }
        var leftOne = Flat(leftTable);
        var rightOne = Flat(rightTable);
        var allLeft = Enumerable.Range(0, left.Columns.Length).ToList();
        switch (kind)
        {
            case "leftsemi" or "leftanti" or "anti" or "leftantisemi":
            {
                var semi = kind == "leftsemi";
                var rows = leftRows.Where(r => (Matches(leftIds[r]).Length > 0) == semi).ToList();
                return Gathered(left, [(leftOne, rows, allLeft)]);
            }
            case "rightsemi" or "rightanti" or "rightantisemi":
            {
                var semi = kind == "rightsemi";
                var onLeft = new bool[rightKeyCount];
                foreach (var r in leftRows) if (leftIds[r] >= 0) onLeft[leftIds[r]] = true;
                var rows = Enumerable.Range(0, rightIds.Length).Where(i => (rightIds[i] >= 0 && onLeft[rightIds[i]]) == semi).ToList();
                return Gathered(right, [(rightOne, rows, Enumerable.Range(0, right.Columns.Length).ToList())]);
            }
            case "inner" or "leftouter" or "rightouter" or "fullouter":
                break;
            default:
                throw EvaluationException.NotSupported($"join kind={kind}", op);
        }

        // Pairs of rows (-1: no row on that side, its columns null), gathered column by column at the end.
        var leftOut = new List<int>();
        var rightOut = new List<int>();
        var rightMatched = new bool[rightIds.Length];
        foreach (var row in leftRows)
        {
            var matches = Matches(leftIds[row]);
            if (matches.Length == 0 && kind is not ("leftouter" or "fullouter")) continue;
            foreach (var m in matches)
            {
                rightMatched[m] = true;
                leftOut.Add(row);
                rightOut.Add(m);
            }
            if (matches.Length != 0) continue;
            leftOut.Add(row);
            rightOut.Add(-1);
        }
        if (kind is "rightouter" or "fullouter")
            for (var i = 0; i < rightIds.Length; i++)
                if (!rightMatched[i])
                {
                    leftOut.Add(-1);
                    rightOut.Add(i);
                }
        return Gathered(joined, [(leftOne, leftOut, allLeft), (rightOne, rightOut, keptRight)]);
    }

    /// <summary>The rows of each key id, in row order: rows[start[id] .. start[id + 1]).</summary>
    private static (int[] Start, int[] Rows) Index(int[] keyIds, int keyCount)
    {
        var start = new int[keyCount + 1];
        foreach (var id in keyIds) if (id >= 0) start[id + 1]++;
        for (var i = 0; i < keyCount; i++) start[i + 1] += start[i];
        var next = start[..keyCount];
        var rows = new int[start[keyCount]];
        for (var r = 0; r < keyIds.Length; r++) if (keyIds[r] is var id and >= 0) rows[next[id]++] = r;
        return (start, rows);
    }

    /// <summary>The columns of an inner or outer join: the left's, then the kept right ones, renamed where they clash (key1).</summary>
    private static TableSymbol JoinedSchema(TableSymbol left, TableSymbol right, List<int> keptRight)
    {
        var taken = left.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var columns = left.Columns.ToList();
        foreach (var i in keptRight)
        {
            var name = Naming.Unique(right.Columns[i].Name, taken);
            taken.Add(name);
            columns.Add(new ColumnSymbol(name, right.Columns[i].Type));
        }
        return new TableSymbol(left.Name, columns);
    }

    /// <summary>A table's chunks and the first row of each of them in the table's row numbering.</summary>
    private static (Table Table, int[] Offsets) Flat(Table table)
    {
        var offsets = new int[table.Chunks.Length];
        for (int c = 0, at = 0; c < offsets.Length; at += table.Chunks[c].RowCount, c++) offsets[c] = at;
        return (table, offsets);
    }

    /// <summary>
    /// The rows a side emits, as one chunk: only those rows are gathered (per source chunk, dictionaries kept) and joined,
    /// so a wide side of which few rows match costs little; <paramref name="rows"/> is renumbered into that chunk.
    /// </summary>
    private static Chunk Compact(Table table, int[] offsets, List<int> rows)
    {
        var total = offsets.Length == 0 ? 0 : offsets[^1] + table.Chunks[^1].RowCount;
        var renumber = new int[total];
        Array.Fill(renumber, -1);
        foreach (var row in rows) if (row >= 0) renumber[row] = 0;
        var parts = new List<Chunk>();
        var next = 0;
        for (var c = 0; c < offsets.Length; c++)
        {
            var used = new List<int>();
            for (var r = 0; r < table.Chunks[c].RowCount; r++)
                if (renumber[offsets[c] + r] == 0)
                {
                    renumber[offsets[c] + r] = next++ + 1;
                    used.Add(r);
                }
            if (used.Count > 0) parts.Add(used.Count == table.Chunks[c].RowCount ? table.Chunks[c] : table.Chunks[c].Gather(used.ToArray()));
        }
        for (var i = 0; i < rows.Count; i++) if (rows[i] >= 0) rows[i] = renumber[rows[i]] - 1;
        return ChunkConcat.Concat(table.Schema, parts);
    }

    /// <summary>The output: for each side, the listed columns of its rows (all lists of rows have one length), in chunks.</summary>
    private static Table Gathered(TableSymbol schema, ((Table Table, int[] Offsets) Side, List<int> Rows, List<int> Columns)[] of)
    {
        var sides = of.Select(s => (Source: Compact(s.Side.Table, s.Side.Offsets, s.Rows), s.Rows, s.Columns)).ToArray();
        var builder = new ResultBuilder(schema);
        var count = sides[0].Rows.Count;
        for (var start = 0; start < count; start += ResultBuilder.ChunkRows)
        {
            var n = Math.Min(ResultBuilder.ChunkRows, count - start);
            var columns = new List<Column>(schema.Columns.Length);
            foreach (var (source, rows, keep) in sides)
            {
                var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(rows).Slice(start, n);
                foreach (var c in keep) columns.Add(ColumnFactory.Gather(source.Columns[c], span));
            }
            builder.AddChunk(new Chunk(n, columns));
        }
        return builder.Build();
    }

    /// <summary>
    /// Every row's key id in <paramref name="ids"/> (rows numbered across the chunks; -1 when a key part is null or, unless
    /// <paramref name="add"/>, when the key is not in <paramref name="ids"/>: it matches nothing). One or two string columns
    /// are keyed by their string ids, other keys by their values row by row.
    /// </summary>
    private static int[] RowIds(Table table, List<Expr> keys, KeyIds ids, bool add)
    {
        var result = new int[table.RowCount];
        var at = 0;
        foreach (var chunk in table.Chunks)
        {
            var vectors = keys.Select(k => k.Eval(chunk)).ToArray();
            if (vectors.All(v => v is ColumnVector) && ids.ForColumns(vectors.Select(v => ((ColumnVector)v).Column).ToList(), add) is { } stringIds)
            {
                for (var r = 0; r < chunk.RowCount; r++) result[at++] = stringIds(r);
                continue;
            }
            for (var r = 0; r < chunk.RowCount; r++)
            {
                var keyValues = new object?[vectors.Length];
                var isNull = false;
                for (var k = 0; k < vectors.Length; k++) isNull |= (keyValues[k] = Kv.Key(Dyn.Unwrap(vectors[k].Get(r)))) is null;
                result[at++] = isNull ? -1 : ids.Find(keyValues, add);
            }
        }
        return result;
    }

    /// <summary>The key expressions of each side: <c>on Name</c> (both sides), <c>$left.a == $right.b</c>, joined by commas or <c>and</c>.</summary>
    private static (List<Expr> Left, List<Expr> Right, HashSet<string> RightNames) Keys(
        SyntaxNode on, QueryRunner runner, Scope scope, TableSymbol left, TableSymbol right)
    {
        var leftCompiler = new ExprCompiler(runner, scope, left);
        var rightCompiler = new ExprCompiler(runner, scope, right);
        var (l, r, names) = (new List<Expr>(), new List<Expr>(), new HashSet<string>(StringComparer.Ordinal));
        var conditions = new Stack<SyntaxNode>(on.Nodes().Reverse());
        while (conditions.Count > 0)
        {
            var condition = conditions.Pop();
            if (condition.Kind is SyntaxKind.NameReference or SyntaxKind.BracketedName)
            {
                l.Add(leftCompiler.Compile(condition));
                r.Add(rightCompiler.Compile(condition));
                names.Add(Naming.NameText(condition));
                continue;
            }
            if (condition.Kind == SyntaxKind.BinaryExpression && condition.Tokens().First().Text == "and")
            {
                conditions.Push(condition.NodeAt(1)!);
                conditions.Push(condition.NodeAt(0)!);
                continue;
            }
            if (condition.Kind != SyntaxKind.BinaryExpression || condition.Tokens().First().Kind != SyntaxKind.EqualEqual)
                throw EvaluationException.NotSupported($"join condition '{ExprCompiler.Short(condition)}'", condition);
            var a = condition.NodeAt(0)!;
            var b = condition.NodeAt(1)!;
            if (Side(a) == "$right") (a, b) = (b, a);
            if (Side(a) != "$left" || Side(b) != "$right")
                throw EvaluationException.NotSupported($"join condition '{ExprCompiler.Short(condition)}' (expected $left.x == $right.y)", condition);
            l.Add(leftCompiler.Compile(a.NodeAt(1)!));
            r.Add(rightCompiler.Compile(b.NodeAt(1)!));
            names.Add(Naming.NameText(b.NodeAt(1)!));
        }
        return (l, r, names);
    }

    private static string? Side(SyntaxNode node) =>
        node.Kind == SyntaxKind.MemberAccess && node.NodeAt(0)!.Kind == SyntaxKind.NameReference ? node.NodeAt(0)!.FirstToken!.Text : null;
}
