using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;
using Detection.Tables.Columns;

namespace Detection.Evaluation.Expressions;

/// <summary>
/// The whole-column form of a comparison between a stored numeric, datetime or timespan column and a constant: a typed
/// loop over the column's values, no boxing per row. Same results as the one-value form (null rows: == false,
/// != true, ordering null). Returns null when the operands do not fit, and the caller uses the general form.
/// </summary>
internal static class TypedComparison
{
    public static Expr? TryCompile(SyntaxKind op, Expr left, Expr right)
    {
        if (SameDictionary(op, left, right) is { } codes) return codes;
        if (left is not ColumnExpr column || right is not ConstantExpr { Value: { } constant } || constant is double.NaN)
            return TypedVectorComparison.TryCompile(op, left, right);
        if (op is not (SyntaxKind.EqualEqual or SyntaxKind.BangEqual or SyntaxKind.Less or SyntaxKind.LessEqual or SyntaxKind.Greater or SyntaxKind.GreaterEqual))
            return null;
        Func<Column, int, byte[]?>? loop = (column.Type, constant) switch
        {
            (KqlType.Long, long c) => (col, n) => Loop<long>(col, n, op, v => v.CompareTo(c)),
            (KqlType.Long, double c) => (col, n) => Loop<long>(col, n, op, v => ((double)v).CompareTo(c)),
            (KqlType.Int, long c) => (col, n) => Loop<int>(col, n, op, v => ((long)v).CompareTo(c)),
            (KqlType.Int, double c) => (col, n) => Loop<int>(col, n, op, v => ((double)v).CompareTo(c)),
            (KqlType.Real, long c) => (col, n) => Loop<double>(col, n, op, v => v.CompareTo((double)c)),
            (KqlType.Real, double c) => (col, n) => Loop<double>(col, n, op, v => v.CompareTo(c)),
            (KqlType.DateTime, DateTime c) => (col, n) => Loop<DateTime>(col, n, op, v => v.Ticks.CompareTo(c.Ticks)),
            (KqlType.TimeSpan, TimeSpan c) => (col, n) => Loop<TimeSpan>(col, n, op, v => v.Ticks.CompareTo(c.Ticks)),
            _ => null,
        };
        if (loop is null) return TypedVectorComparison.TryCompile(op, left, right);
        return new VectorExpr(KqlType.Bool, [left], (v, n) => v[0] is ColumnVector { Column: var stored } && loop(stored, n) is { } values
            ? new BoolVector(values)
            : throw new InvalidOperationException("a typed comparison over a computed column"));
    }

    private static byte[]? Loop<T>(Column column, int n, SyntaxKind op, Func<T, int> compare)
        where T : unmanaged
    {
        if (column is not PrimitiveColumn<T> typed) return null;
        var result = new byte[n];
        var values = typed.Values;
        for (var i = 0; i < n; i++)
        {
            if (typed.IsNull(i))
            {
                result[i] = op switch { SyntaxKind.EqualEqual => BoolVector.False, SyntaxKind.BangEqual => BoolVector.True, _ => BoolVector.Null };
                continue;
            }
            var c = compare(values[i]);
            var test = op switch
            {
                SyntaxKind.EqualEqual => c == 0,
                SyntaxKind.BangEqual => c != 0,
                SyntaxKind.Less => c < 0,
                SyntaxKind.LessEqual => c <= 0,
                SyntaxKind.Greater => c > 0,
                _ => c >= 0,
            };
            result[i] = test ? BoolVector.True : BoolVector.False;
        }
        return result;
    }

    /// <summary>
    /// <c>a == b</c> / <c>a != b</c> between two string columns: by code when they share one dictionary without repeated
    /// texts (a column and its prev() or next(), columns gathered from one source), else by their UTF-8 bytes. Other
    /// operands take the one-value form.
    /// </summary>
    private static Expr? SameDictionary(SyntaxKind op, Expr left, Expr right)
    {
        if (op is not (SyntaxKind.EqualEqual or SyntaxKind.BangEqual) || left is not ColumnExpr || right is not ColumnExpr
            || left.Type != KqlType.String || right.Type != KqlType.String)
            return null;
        var equal = op == SyntaxKind.EqualEqual;
        return new VectorExpr(KqlType.Bool, [left, right], (v, n) =>
        {
            if (v is not [ColumnVector { Column: StringColumn a }, ColumnVector { Column: StringColumn b }])
                return Vectors.Map(KqlType.Bool, v[0], v[1], (x, y) => equal ? Kv.Equal(x, y) : Kv.NotEqual(x, y));
            var result = new byte[n];
            if (ReferenceEquals(a.Dictionary, b.Dictionary) && a.Dictionary.HasDistinctValues)
            {
                for (var i = 0; i < n; i++) result[i] = (a.Codes[i] == b.Codes[i]) == equal ? BoolVector.True : BoolVector.False;
                return new BoolVector(result);
            }
            // Ordinal equality of strings is equality of their UTF-8 bytes: nothing decoded, nothing boxed. Equal codes of
            // one dictionary are equal texts; unequal ones may be too (builders stop deduplicating mostly-unique columns).
            var shared = ReferenceEquals(a.Dictionary, b.Dictionary);
            for (var i = 0; i < n; i++)
            {
                var same = (shared && a.Codes[i] == b.Codes[i]) || a.GetUtf8(i).SequenceEqual(b.GetUtf8(i));
                result[i] = same == equal ? BoolVector.True : BoolVector.False;
            }
            return new BoolVector(result);
        });
    }
}
