using Detection.Evaluation.Values;
using Detection.Kql.Symbols;

namespace Detection.Evaluation.Expressions;

/// <summary>
/// iff(c, a, b) whose values are numbers, datetimes or timespans, as a typed select: the same result as the one-value
/// form (a null condition chooses b; the value is converted to the common type), without boxing.
/// </summary>
internal static class TypedChoice
{
    public static Expr? TryCompile(KqlType type, IReadOnlyList<Expr> args)
    {
        if (args.Count != 3 || args.All(a => a.IsConstant)) return null;
        var (whenTrue, whenFalse) = (args[1].Type, args[2].Type);
        Func<Vector[], Vector>? select = type switch
        {
            KqlType.Real when Numeric.IsNumber(whenTrue) && Numeric.IsNumber(whenFalse) =>
                v => new PrimitiveVector<double>(type, Select(v[0], Numeric.Doubles(v[1]), Numeric.Doubles(v[2]), out var nulls), nulls),
            KqlType.Long when Numeric.IsNumber(whenTrue) && Numeric.IsNumber(whenFalse) =>
                v => new PrimitiveVector<long>(type, Select(v[0], Numeric.Longs(v[1]), Numeric.Longs(v[2]), out var nulls), nulls),
            KqlType.DateTime when whenTrue == type && whenFalse == type =>
                v => new PrimitiveVector<DateTime>(type, Array.ConvertAll(Select(v[0], Numeric.Ticks(v[1]), Numeric.Ticks(v[2]), out var nulls), t => new DateTime(t, DateTimeKind.Utc)), nulls),
            KqlType.TimeSpan when whenTrue == type && whenFalse == type =>
                v => new PrimitiveVector<TimeSpan>(type, Array.ConvertAll(Select(v[0], Numeric.Ticks(v[1]), Numeric.Ticks(v[2]), out var nulls), TimeSpan.FromTicks), nulls),
            _ => null,
        };
        if (select is null) return null;
        return new VectorExpr(type, args, (v, _) => select(v));
    }

    private static T[] Select<T>(Vector condition, Typed<T> a, Typed<T> b, out bool[]? nulls)
    {
        var test = BoolVector.Bytes(condition);
        var result = new T[test.Length];
        nulls = null;
        for (var i = 0; i < result.Length; i++)
        {
            var chosen = test[i] == BoolVector.True ? a : b;
            if (chosen.IsNull(i)) (nulls ??= new bool[result.Length])[i] = true;
            else result[i] = chosen.Values[i];
        }
        return result;
    }
}
