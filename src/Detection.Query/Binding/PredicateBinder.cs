using System.Globalization;
using Detection.Kql.Symbols;
using Detection.Query.Diagnostics;
using Detection.Query.Evaluation.Predicates;
using Detection.Query.Syntax;

namespace Detection.Query.Binding;

/// <summary>
/// Turns <c>where Column op literal…</c> into a predicate for the column's type. A string column compared with a number
/// compares with the number's text (<c>ResultType == 50126</c> matches "50126"); other columns take only
/// <c>== != in !in</c> with literals of a matching kind. A number that the column's type cannot hold exactly
/// (<c>Port == 1.5</c>) equals no value.
/// </summary>
internal static class PredicateBinder
{
    public static RowPredicate Bind(string text, ColumnSymbol column, WhereSyntax where)
    {
        if (column.Type == KqlType.String) return new StringPredicate(StringTests.For(where.Operator, [.. where.Values.Select(v => StringText(text, column, v))]));
        if (column.Type is KqlType.Dynamic or KqlType.TimeSpan)
            throw QueryDiagnostics.TypeMismatch(text, where.Column.Offset, $"'{column.Name}' is {column.Type.Name()}; this query slice compares only string, number, bool, datetime and guid columns");
        if (where.Operator.Positive() is not (ComparisonOperator.Equal or ComparisonOperator.In))
            throw QueryDiagnostics.TypeMismatch(text, where.OperatorOffset, $"'{where.Operator.Spelling()}' needs a string column; '{column.Name}' is {column.Type.Name()} (use ==, !=, in or !in)");

        var negated = where.Operator.IsNegated();
        return column.Type switch
        {
            KqlType.Bool => new ValuePredicate<bool>(Values<bool>(text, column, where, l => l.Kind == LiteralKind.Bool ? (bool)l.Value : null), negated),
            KqlType.Int => new ValuePredicate<int>(Values<int>(text, column, where, AsInt), negated),
            KqlType.Long => new ValuePredicate<long>(Values<long>(text, column, where, AsLong), negated),
            KqlType.Real => new ValuePredicate<double>(Values<double>(text, column, where, AsReal), negated),
            KqlType.Decimal => new ValuePredicate<decimal>(Values<decimal>(text, column, where, AsDecimal), negated),
            KqlType.DateTime => new ValuePredicate<DateTime>(Values<DateTime>(text, column, where, l => l.Kind == LiteralKind.DateTime ? (DateTime)l.Value : null), negated),
            KqlType.Guid => new ValuePredicate<Guid>(Values<Guid>(text, column, where, l => AsGuid(text, l)), negated),
            _ => throw new ArgumentOutOfRangeException(nameof(column), column.Type, null),
        };
    }

    private static string StringText(string text, ColumnSymbol column, LiteralSyntax literal) => literal.Kind switch
    {
        LiteralKind.String => (string)literal.Value,
        LiteralKind.Long => ((long)literal.Value).ToString(CultureInfo.InvariantCulture),
        LiteralKind.Real => ((double)literal.Value).ToString("R", CultureInfo.InvariantCulture),
        _ => throw Mismatch(text, column, literal),
    };

    /// <summary>
    /// The literals as column values. <paramref name="convert"/> gives null for a literal of a wrong kind and
    /// <see cref="Unrepresentable"/> for a number the type cannot hold, which is dropped (it equals nothing).
    /// </summary>
    private static IEnumerable<T> Values<T>(string text, ColumnSymbol column, WhereSyntax where, Func<LiteralSyntax, object?> convert)
        where T : unmanaged
    {
        var values = new List<T>();
        foreach (var literal in where.Values)
        {
            var value = convert(literal) ?? throw Mismatch(text, column, literal);
            if (value is T typed) values.Add(typed);
        }
        return values;
    }

    private static readonly object Unrepresentable = new();

    private static object? AsInt(LiteralSyntax literal) => AsLong(literal) switch
    {
        long l when l is >= int.MinValue and <= int.MaxValue => (int)l,
        null => null,
        _ => Unrepresentable,
    };

    private static object? AsLong(LiteralSyntax literal) => literal.Kind switch
    {
        LiteralKind.Long => literal.Value,
        LiteralKind.Real when (double)literal.Value is var d && Math.Floor(d) == d && d >= long.MinValue && d < long.MaxValue => (long)d,
        LiteralKind.Real => Unrepresentable,
        _ => null,
    };

    private static object? AsReal(LiteralSyntax literal) => literal.Kind switch
    {
        LiteralKind.Long => (double)(long)literal.Value,
        LiteralKind.Real => literal.Value,
        _ => null,
    };

    private static object? AsDecimal(LiteralSyntax literal) => literal.Kind switch
    {
        LiteralKind.Long => (decimal)(long)literal.Value,
        LiteralKind.Real => decimal.TryParse(literal.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : Unrepresentable,
        _ => null,
    };

    private static object? AsGuid(string text, LiteralSyntax literal)
    {
        if (literal.Kind != LiteralKind.String) return null;
        return Guid.TryParse((string)literal.Value, out var guid)
            ? guid
            : throw QueryDiagnostics.InvalidLiteral(text, literal.Offset, $"'{literal.Value}' is not a guid");
    }

    private static QueryException Mismatch(string text, ColumnSymbol column, LiteralSyntax literal) =>
        QueryDiagnostics.TypeMismatch(text, literal.Offset,
            $"'{column.Name}' is {column.Type.Name()} and cannot be compared with {Describe(literal.Kind)} {literal.Text}");

    private static string Describe(LiteralKind kind) => kind switch
    {
        LiteralKind.String => "the string",
        LiteralKind.Long or LiteralKind.Real => "the number",
        LiteralKind.Bool => "the bool",
        LiteralKind.DateTime => "the datetime",
        _ => kind.ToString(),
    };
}
