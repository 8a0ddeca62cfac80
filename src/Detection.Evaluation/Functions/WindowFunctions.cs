using Detection.Evaluation.Expressions;
using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Functions;

/// <summary>
/// prev, next, row_number, row_cumsum, row_rank_dense, row_rank_min (window-functions.md). They read neighbouring rows,
/// so an operator using them first joins its input into one chunk (<see cref="Uses"/>); rows are taken in table order,
/// which is the serialized order after sort, top or serialize (the evaluator does not reject unserialized input).
/// </summary>
internal static class WindowFunctions
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        "prev", "next", "row_number", "row_cumsum", "row_rank_dense", "row_rank_min", "row_window_session",
    };

    /// <summary>True when an operator item calls a window function.</summary>
    public static bool Uses(SyntaxNode node) =>
        node.DescendantNodesAndSelf().Any(n => n.Kind == SyntaxKind.CallExpression && Names.Contains(Naming.FunctionName(n)));

    public static Expr Compile(string name, IReadOnlyList<Expr> args) => name switch
    {
        "prev" => Shift(args, -1),
        "next" => Shift(args, 1),
        "row_number" => new VectorExpr(KqlType.Long, args, (v, n) =>
        {
            var start = v.Length > 0 ? Kv.ToLong(v[0].Get(0)) ?? 1 : 1;
            var result = new object?[n];
            for (long i = 0, k = start; i < n; i++, k++)
            {
                if (v.Length > 1 && Kv.IsTrue(v[1].Get((int)i))) k = start;
                result[i] = k;
            }
            return new ArrayVector(KqlType.Long, result);
        }),
        "row_cumsum" => new VectorExpr(args[0].Type, args, (v, n) =>
        {
            var result = new object?[n];
            object? sum = null;
            for (var i = 0; i < n; i++)
            {
                if (v.Length > 1 && Kv.IsTrue(v[1].Get(i))) sum = null;
                var x = v[0].Get(i);
                if (x is not null) sum = sum is null ? x : Arithmetic.Apply(SyntaxKind.Plus, sum, x);
                result[i] = sum ?? Kv.Fit(0L, args[0].Type);
            }
            return new ArrayVector(args[0].Type, result);
        }),
        "row_rank_dense" or "row_rank_min" => new VectorExpr(KqlType.Long, args, (v, n) =>
        {
            var result = new object?[n];
            long rank = 0, first = 0;
            for (var i = 0; i < n; i++)
            {
                var restart = i == 0 || (v.Length > 1 && Kv.IsTrue(v[1].Get(i)));
                if (restart) first = i;
                var same = !restart && Kv.Equal(v[0].Get(i), v[0].Get(i - 1)) == true;
                if (!same) rank = name == "row_rank_dense" ? (restart ? 1 : rank + 1) : i - first + 1;
                result[i] = rank;
            }
            return new ArrayVector(KqlType.Long, result);
        }),
        "row_window_session" => new VectorExpr(KqlType.DateTime, args, (v, n) =>
        {
            // A new session starts at a restart, or when the row is too far from the session's first row or from the previous row.
            var result = new object?[n];
            DateTime? start = null, previous = null;
            for (var i = 0; i < n; i++)
            {
                if (v[0].Get(i) is not DateTime t) { result[i] = null; continue; }
                var restart = v.Length > 3 && Kv.IsTrue(v[3].Get(i));
                if (start is null || restart || (v[1].Get(i) is TimeSpan fromFirst && t - start > fromFirst)
                    || (v[2].Get(i) is TimeSpan between && previous is { } p && t - p > between))
                    start = t;
                previous = t;
                result[i] = start;
            }
            return new ArrayVector(KqlType.DateTime, result);
        }),
        _ => throw EvaluationException.NotSupported($"window function {name}()"),
    };

    /// <summary>prev(col, offset = 1, default = null) and next(…): the value offset rows before (after), else the default.</summary>
    private static Expr Shift(IReadOnlyList<Expr> args, int direction) => new VectorExpr(args[0].Type, args, (v, n) =>
    {
        var offset = v.Length > 1 ? (int)(Kv.ToLong(v[1].Get(0)) ?? 1) : 1;
        if (v[0] is ColumnVector stored && stored.Type == args[0].Type && (v.Length < 3 || v[2] is { IsConstant: true } d && d.Get(0) is null))
        {
            // A stored column shifts by gathering its rows (codes for strings and dynamics), without boxing.
            var rows = new int[n];
            for (var i = 0; i < n; i++)
            {
                var at = i + (long)direction * offset;
                rows[i] = at >= 0 && at < n ? (int)at : -1;
            }
            return new ColumnVector(ColumnFactory.Gather(stored.Column, rows));
        }
        var result = new object?[n];
        for (var i = 0; i < n; i++)
        {
            var at = i + direction * offset;
            result[i] = Kv.Fit(at >= 0 && at < n ? v[0].Get(at) : v.Length > 2 ? v[2].Get(i) : null, args[0].Type);
        }
        return new ArrayVector(args[0].Type, result);
    });
}
