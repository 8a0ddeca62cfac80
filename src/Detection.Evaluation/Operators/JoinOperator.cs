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
    public static Table Run(SyntaxNode op, Table leftTable, QueryRunner runner, Scope scope)
    {
        var left = new RowReader(leftTable);
        var isLookup = op.Kind == SyntaxKind.LookupOperator;
        var kind = Naming.Parameter(op, "kind") ?? (isLookup ? "leftouter" : "innerunique");
        var rightNode = op.Nodes().First(n => n.Kind is not (SyntaxKind.QueryParameter or SyntaxKind.OnClause));
        var rightTable = runner.Tabular(rightNode, scope);
        var right = new RowReader(rightTable);
        var on = op.Node(SyntaxKind.OnClause) ?? throw new EvaluationException("join needs an on clause", op.Span);
        var (leftKeys, rightKeys, rightKeyNames) = Keys(on, runner, scope, left.Schema, right.Schema);

        var leftRows = Rows(leftTable, leftKeys);
        var rightRows = Rows(rightTable, rightKeys);
        if (kind == "innerunique")
        {
            var seen = new HashSet<GroupKey>();
            leftRows = leftRows.Where(r => r.Key is null || seen.Add(r.Key.Value)).ToList();
            kind = "inner";
        }
        var index = new Dictionary<GroupKey, List<int>>();
        for (var i = 0; i < rightRows.Count; i++)
            if (rightRows[i].Key is { } key)
            {
                if (!index.TryGetValue(key, out var list)) index[key] = list = [];
                list.Add(i);
            }
        List<int> Matches(GroupKey? key) => key is { } k && index.TryGetValue(k, out var list) ? list : [];

        switch (kind)
        {
            case "leftsemi" or "leftanti" or "anti" or "leftantisemi":
            {
                var semi = kind == "leftsemi";
                var builder = new ResultBuilder(left.Schema);
                foreach (var row in leftRows.Where(r => (Matches(r.Key).Count > 0) == semi)) builder.Add(left.Values(row));
                return builder.Build();
            }
            case "rightsemi" or "rightanti" or "rightantisemi":
            {
                var semi = kind == "rightsemi";
                var leftKeysSeen = leftRows.Where(r => r.Key is not null).Select(r => r.Key!.Value).ToHashSet();
                var builder = new ResultBuilder(right.Schema);
                foreach (var row in rightRows.Where(r => (r.Key is { } k && leftKeysSeen.Contains(k)) == semi)) builder.Add(right.Values(row));
                return builder.Build();
            }
            case "inner" or "leftouter" or "rightouter" or "fullouter":
                break;
            default:
                throw EvaluationException.NotSupported($"join kind={kind}", op);
        }

        var keptRight = Enumerable.Range(0, right.Schema.Columns.Length)
            .Where(i => !isLookup || !rightKeyNames.Contains(right.Schema.Columns[i].Name)).ToList();
        var taken = left.Schema.Columns.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var columns = left.Schema.Columns.ToList();
        foreach (var i in keptRight)
        {
            var name = Naming.Unique(right.Schema.Columns[i].Name, taken);
            taken.Add(name);
            columns.Add(new ColumnSymbol(name, right.Schema.Columns[i].Type));
        }
        var output = new ResultBuilder(new TableSymbol(left.Schema.Name, columns));
        var rightMatched = new bool[rightRows.Count];
        var emptyRight = new object?[right.Schema.Columns.Length];
        var emptyLeft = new object?[left.Schema.Columns.Length];
        void Emit(object?[] l, object?[] r) => output.Add([.. l, .. keptRight.Select(i => r[i])]);
        foreach (var row in leftRows)
        {
            var matches = Matches(row.Key);
            if (matches.Count == 0 && kind is not ("leftouter" or "fullouter")) continue;
            var leftValues = left.Values(row);
            foreach (var m in matches)
            {
                rightMatched[m] = true;
                Emit(leftValues, right.Values(rightRows[m]));
            }
            if (matches.Count == 0) Emit(leftValues, emptyRight);
        }
        if (kind is "rightouter" or "fullouter")
            for (var i = 0; i < rightRows.Count; i++)
                if (!rightMatched[i]) Emit(emptyLeft, right.Values(rightRows[i]));
        return output.Build();
    }

    /// <summary>A row of one side by position, with its key (null when a key part is null: it matches nothing).</summary>
    private readonly record struct RowRef(int Chunk, int Row, GroupKey? Key);

    /// <summary>
    /// Every row's key; values are read only for rows that are emitted. One string key is keyed once per distinct value
    /// of a chunk (its dictionary codes), other keys row by row.
    /// </summary>
    private static List<RowRef> Rows(Table table, List<Expr> keys)
    {
        var rows = new List<RowRef>((int)Math.Min(table.RowCount, int.MaxValue));
        for (var c = 0; c < table.Chunks.Length; c++)
        {
            var chunk = table.Chunks[c];
            var vectors = keys.Select(k => k.Eval(chunk)).ToArray();
            if (vectors is [ColumnVector { Column: StringColumn s }])
            {
                var byCode = new GroupKey?[s.Dictionary.Count];
                for (var r = 0; r < chunk.RowCount; r++)
                {
                    var code = s.Codes[r];
                    rows.Add(new RowRef(c, r, byCode[code] ??= new GroupKey([s.Dictionary.GetString(code)])));
                }
                continue;
            }
            for (var r = 0; r < chunk.RowCount; r++)
            {
                var keyValues = vectors.Select(v => Kv.Key(Dyn.Unwrap(v.Get(r)))).ToArray();
                rows.Add(new RowRef(c, r, keyValues.Any(k => k is null) ? null : new GroupKey(keyValues)));
            }
        }
        return rows;
    }

    /// <summary>Reads rows of a table as boxed values, each chunk's columns wrapped once (dynamic values parsed once per chunk).</summary>
    private sealed class RowReader(Table table)
    {
        private readonly ColumnVector[]?[] _columns = new ColumnVector[table.Chunks.Length][];

        public TableSymbol Schema => table.Schema;

        public object?[] Values(RowRef row)
        {
            var columns = _columns[row.Chunk] ??= table.Chunks[row.Chunk].Columns.Select(c => new ColumnVector(c)).ToArray();
            var values = new object?[columns.Length];
            for (var i = 0; i < values.Length; i++) values[i] = columns[i].Get(row.Row);
            return values;
        }
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
