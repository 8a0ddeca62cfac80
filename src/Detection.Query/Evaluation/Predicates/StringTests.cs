using Detection.Query.Syntax;

namespace Detection.Query.Evaluation.Predicates;

/// <summary>The string comparison of each operator, as a test of one value against the literal texts.</summary>
internal static class StringTests
{
    /// <summary>
    /// <c>==</c> and <c>in</c> compare case-sensitively (ordinal); <c>=~</c>, <c>has</c>, <c>contains</c> and
    /// <c>startswith</c> ignore case (ordinal ignore-case). Negated operators are the exact complement (strings are never null).
    /// </summary>
    public static Func<string, bool> For(ComparisonOperator op, IReadOnlyList<string> texts)
    {
        var positive = Positive(op.Positive(), texts);
        return op.IsNegated() ? value => !positive(value) : positive;
    }

    private static Func<string, bool> Positive(ComparisonOperator op, IReadOnlyList<string> texts)
    {
        var text = texts[0];
        switch (op)
        {
            case ComparisonOperator.Equal or ComparisonOperator.In:
                var exact = new HashSet<string>(texts, StringComparer.Ordinal);
                return exact.Contains;
            case ComparisonOperator.EqualIgnoreCase:
                return value => string.Equals(value, text, StringComparison.OrdinalIgnoreCase);
            case ComparisonOperator.Has:
                return value => HasTerm.Matches(value, text);
            case ComparisonOperator.Contains:
                return value => value.Contains(text, StringComparison.OrdinalIgnoreCase);
            case ComparisonOperator.StartsWith:
                return value => value.StartsWith(text, StringComparison.OrdinalIgnoreCase);
            default:
                throw new ArgumentOutOfRangeException(nameof(op), op, null);
        }
    }
}
