using Detection.Evaluation.Values;
using Detection.Kql.Symbols;
using Detection.Kql.Syntax;

namespace Detection.Evaluation.Expressions;

/// <summary>
/// A comparison between two numeric, datetime or timespan expressions (computed ones too), over typed arrays: the
/// same results as <see cref="Kv.Equal"/>, <see cref="Kv.NotEqual"/> and <see cref="Kv.Order"/> value by value —
/// null == null and null != null are null, null == x is false, null != x true, an ordering with a null is null.
/// </summary>
internal static class TypedVectorComparison
{
    public static Expr? TryCompile(SyntaxKind op, Expr left, Expr right)
    {
        if (left.IsConstant && right.IsConstant) return null;
        if (op is not (SyntaxKind.EqualEqual or SyntaxKind.BangEqual or SyntaxKind.Less or SyntaxKind.LessEqual or SyntaxKind.Greater or SyntaxKind.GreaterEqual))
            return null;
        Func<Vector, Vector, byte[]>? compare = (left.Type, right.Type) switch
        {
            (var l, var r) when Numeric.IsNumber(l) && Numeric.IsNumber(r) && (l == KqlType.Real || r == KqlType.Real) =>
                (a, b) => Compare(op, Numeric.Doubles(a), Numeric.Doubles(b)),
            (var l, var r) when Numeric.IsNumber(l) && Numeric.IsNumber(r) => (a, b) => Compare(op, Numeric.Longs(a), Numeric.Longs(b)),
            (KqlType.DateTime, KqlType.DateTime) or (KqlType.TimeSpan, KqlType.TimeSpan) =>
                (a, b) => Compare(op, Numeric.Ticks(a), Numeric.Ticks(b)),
            _ => null,
        };
        if (compare is null) return null;
        return new VectorExpr(KqlType.Bool, [left, right], (v, _) => new BoolVector(compare(v[0], v[1])));
    }

    private static byte[] Compare<T>(SyntaxKind op, Typed<T> a, Typed<T> b)
        where T : IComparable<T>
    {
        var result = new byte[a.Values.Length];
        for (var i = 0; i < result.Length; i++)
        {
            bool x = a.IsNull(i), y = b.IsNull(i);
            if (x || y)
            {
                result[i] = x && y ? BoolVector.Null
                    : op switch { SyntaxKind.EqualEqual => BoolVector.False, SyntaxKind.BangEqual => BoolVector.True, _ => BoolVector.Null };
                continue;
            }
            var test = op switch
            {
                SyntaxKind.EqualEqual => Equal(a.Values[i], b.Values[i]),
                SyntaxKind.BangEqual => !Equal(a.Values[i], b.Values[i]),
                SyntaxKind.Less => a.Values[i].CompareTo(b.Values[i]) < 0,
                SyntaxKind.LessEqual => a.Values[i].CompareTo(b.Values[i]) <= 0,
                SyntaxKind.Greater => a.Values[i].CompareTo(b.Values[i]) > 0,
                _ => a.Values[i].CompareTo(b.Values[i]) >= 0,
            };
            result[i] = test ? BoolVector.True : BoolVector.False;
        }
        return result;
    }

    /// <summary>== on doubles is IEEE (NaN equals nothing), as <see cref="Kv.SameValue"/>; CompareTo would call NaN equal to NaN.</summary>
    private static bool Equal<T>(T a, T b) => a is double x && b is double y ? x == y : EqualityComparer<T>.Default.Equals(a, b);
}
