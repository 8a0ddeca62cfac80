using System.Collections.Immutable;
using System.Globalization;
using Detection.Query.Diagnostics;

namespace Detection.Query.Syntax;

/// <summary>
/// Parses the query slice: <c>Table | where Column op literal | project a, b | take N | count</c>, operators in any
/// order and number. Throws <see cref="QueryException"/> at the first error, saying what was expected where.
/// </summary>
public sealed class QueryParser
{
    private const string Operators = "where, project, take, limit or count";
    private const string Literals = "a literal (a string, a number, true, false or datetime(…))";

    private readonly string _text;
    private readonly List<Token> _tokens;
    private int _index;

    private QueryParser(string text)
    {
        _text = text;
        _tokens = Lexer.Tokenize(text);
    }

    public static QuerySyntax Parse(string text) => new QueryParser(text).Query();

    private Token Current => _tokens[_index];

    private Token Previous => _tokens[_index - 1];

    private QuerySyntax Query()
    {
        var table = ExpectName("a table name at the start of the query");
        var operators = ImmutableArray.CreateBuilder<OperatorSyntax>();
        while (Current.Kind == TokenKind.Pipe)
        {
            _index++;
            operators.Add(Operator());
        }
        if (Current.Kind != TokenKind.End) throw Expected($"'|' or the end of the query after {Previous.Describe()}");
        return new QuerySyntax(table, operators.ToImmutable());
    }

    private OperatorSyntax Operator()
    {
        var keyword = Current;
        if (keyword.Kind != TokenKind.Word) throw Expected($"an operator ({Operators}) after '|'");
        _index++;
        return keyword.Text switch
        {
            "where" => Where(keyword.Offset),
            "project" => Project(keyword.Offset),
            "take" or "limit" => Take(keyword),
            "count" => new CountSyntax(keyword.Offset),
            _ => throw QueryDiagnostics.Expected(_text, keyword.Offset, $"an operator ({Operators}) after '|'", keyword.Describe()),
        };
    }

    private WhereSyntax Where(int offset)
    {
        var column = ExpectName("a column name after 'where'");
        var opToken = Current;
        if (opToken.Kind is not (TokenKind.Symbol or TokenKind.Word) || !ComparisonOperators.TryParse(opToken.Text, out var op))
            throw Expected($"a comparison operator ({ComparisonOperators.All}) after '{column.Name}'");
        _index++;
        if (!op.TakesList()) return new WhereSyntax(offset, column, op, opToken.Offset, [Literal($"'{opToken.Text}'")]);

        if (Current.Kind != TokenKind.OpenParen) throw Expected($"'(' after '{opToken.Text}'");
        _index++;
        var values = ImmutableArray.CreateBuilder<LiteralSyntax>();
        values.Add(Literal("'('"));
        while (Current.Kind == TokenKind.Comma)
        {
            _index++;
            values.Add(Literal("','"));
        }
        if (Current.Kind != TokenKind.CloseParen) throw Expected($"',' or ')' in the '{opToken.Text}' list");
        _index++;
        return new WhereSyntax(offset, column, op, opToken.Offset, values.ToImmutable());
    }

    private ProjectSyntax Project(int offset)
    {
        var columns = ImmutableArray.CreateBuilder<NameSyntax>();
        columns.Add(ExpectName("a column name after 'project'"));
        while (Current.Kind == TokenKind.Comma)
        {
            _index++;
            columns.Add(ExpectName("a column name after ','"));
        }
        return new ProjectSyntax(offset, columns.ToImmutable());
    }

    private TakeSyntax Take(Token keyword)
    {
        var token = Current;
        if (token.Kind != TokenKind.Number) throw Expected($"a number of rows after '{keyword.Text}'");
        if (!long.TryParse(token.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
            throw QueryDiagnostics.InvalidLiteral(_text, token.Offset, $"'{keyword.Text}' needs a whole number of rows, 0 or more; found '{token.Text}'");
        _index++;
        return new TakeSyntax(keyword.Offset, count);
    }

    private LiteralSyntax Literal(string after)
    {
        var token = Current;
        var literal = token.Kind switch
        {
            TokenKind.String => new LiteralSyntax(LiteralKind.String, token.Value, token.Text, token.Offset),
            TokenKind.Number => Number(token),
            TokenKind.DateTime => DateTime(token),
            TokenKind.Word when token.Text is "true" or "false" => new LiteralSyntax(LiteralKind.Bool, token.Text == "true", token.Text, token.Offset),
            _ => throw Expected($"{Literals} after {after}"),
        };
        _index++;
        return literal;
    }

    private LiteralSyntax Number(Token token)
    {
        if (long.TryParse(token.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            return new LiteralSyntax(LiteralKind.Long, whole, token.Text, token.Offset);
        var real = double.Parse(token.Value, NumberStyles.Float, CultureInfo.InvariantCulture);
        return new LiteralSyntax(LiteralKind.Real, real, token.Text, token.Offset);
    }

    private LiteralSyntax DateTime(Token token)
    {
        if (!System.DateTime.TryParse(token.Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var value))
            throw QueryDiagnostics.InvalidLiteral(_text, token.Offset, $"'{token.Value}' is not a date and time (write e.g. datetime(2026-11-02T08:30:00Z))");
        return new LiteralSyntax(LiteralKind.DateTime, System.DateTime.SpecifyKind(value, DateTimeKind.Utc), token.Text, token.Offset);
    }

    private NameSyntax ExpectName(string what)
    {
        var token = Current;
        if (token.Kind != TokenKind.Word || token.Text.StartsWith('!')) throw Expected(what);
        _index++;
        return new NameSyntax(token.Text, token.Offset);
    }

    private QueryException Expected(string what) => QueryDiagnostics.Expected(_text, Current.Offset, what, Current.Describe());
}
