using System.Globalization;
using System.Text;
using Detection.Query.Diagnostics;

namespace Detection.Query.Syntax;

/// <summary>Splits query text into tokens. Skips whitespace and <c>//</c> comments.</summary>
internal sealed class Lexer(string text)
{
    private int _position;

    public static List<Token> Tokenize(string text)
    {
        var lexer = new Lexer(text);
        var tokens = new List<Token>();
        Token token;
        do
        {
            token = lexer.Next();
            tokens.Add(token);
        }
        while (token.Kind != TokenKind.End);
        return tokens;
    }

    private Token Next()
    {
        SkipTrivia();
        var start = _position;
        if (start >= text.Length) return new Token(TokenKind.End, "", start, "");
        var c = text[start];
        switch (c)
        {
            case '|': return Single(TokenKind.Pipe);
            case ',': return Single(TokenKind.Comma);
            case '(': return Single(TokenKind.OpenParen);
            case ')': return Single(TokenKind.CloseParen);
            case '\'' or '"': return QuotedString(start, start + 1, c);
            case '@' when Peek(1) is '\'' or '"': return VerbatimString(start, Peek(1));
            case '=' or '!' when Peek(1) is '=' or '~':
                _position += 2;
                return new Token(TokenKind.Symbol, text[start.._position], start, "");
            case '!' when IsWordStart(Peek(1)):
                _position++;
                return Word(start);
            case '-' when char.IsAsciiDigit(Peek(1)):
            case '.' when char.IsAsciiDigit(Peek(1)):
                return Number(start);
        }
        if (char.IsAsciiDigit(c)) return Number(start);
        if (IsWordStart(c)) return Word(start);
        throw QueryDiagnostics.UnexpectedCharacter(text, start);
    }

    private Token Single(TokenKind kind)
    {
        _position++;
        return new Token(kind, text[(_position - 1).._position], _position - 1, "");
    }

    private Token Word(int start)
    {
        while (_position < text.Length && IsWordPart(text[_position])) _position++;
        var word = new Token(TokenKind.Word, text[start.._position], start, "");
        return word.Text == "datetime" ? DateTimeLiteral(start) ?? word : word;
    }

    /// <summary>The raw text of <c>datetime(…)</c>, which holds characters (<c>-</c>, <c>:</c>) that are not tokens.</summary>
    private Token? DateTimeLiteral(int start)
    {
        var open = _position;
        while (open < text.Length && char.IsWhiteSpace(text[open])) open++;
        if (open >= text.Length || text[open] != '(') return null;
        var close = text.IndexOf(')', open);
        if (close < 0) throw QueryDiagnostics.Expected(text, text.Length, "')' to close 'datetime('", "the end of the query");
        _position = close + 1;
        var inner = text[(open + 1)..close].Trim().Trim('"', '\'');
        return new Token(TokenKind.DateTime, text[start.._position], start, inner);
    }

    private Token Number(int start)
    {
        if (text[_position] == '-') _position++;
        while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.')) _position++;
        if (_position < text.Length && text[_position] is 'e' or 'E')
        {
            _position++;
            if (_position < text.Length && text[_position] is '+' or '-') _position++;
            while (_position < text.Length && char.IsAsciiDigit(text[_position])) _position++;
        }
        if (_position < text.Length && IsWordPart(text[_position]))
        {
            while (_position < text.Length && IsWordPart(text[_position])) _position++;
            throw QueryDiagnostics.InvalidLiteral(text, start, $"'{text[start.._position]}' is not a number (timespan literals are not supported yet)");
        }
        var number = text[start.._position];
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            throw QueryDiagnostics.InvalidLiteral(text, start, $"'{number}' is not a number");
        return new Token(TokenKind.Number, number, start, number);
    }

    private Token QuotedString(int start, int contentStart, char quote)
    {
        var value = new StringBuilder();
        var i = contentStart;
        while (true)
        {
            if (i >= text.Length || text[i] == '\n') throw QueryDiagnostics.UnterminatedString(text, start);
            var c = text[i];
            if (c == quote) break;
            if (c != '\\')
            {
                value.Append(c);
                i++;
                continue;
            }
            if (i + 1 >= text.Length) throw QueryDiagnostics.UnterminatedString(text, start);
            i += Escape(i, value);
        }
        _position = i + 1;
        return new Token(TokenKind.String, text[start.._position], start, value.ToString());
    }

    /// <summary>Appends the character a backslash escape at <paramref name="at"/> stands for; returns the escape's length.</summary>
    private int Escape(int at, StringBuilder value)
    {
        var c = text[at + 1];
        switch (c)
        {
            case '\\' or '\'' or '"': value.Append(c); return 2;
            case 'n': value.Append('\n'); return 2;
            case 'r': value.Append('\r'); return 2;
            case 't': value.Append('\t'); return 2;
            case '0': value.Append('\0'); return 2;
            case 'u' when at + 6 <= text.Length
                && ushort.TryParse(text.AsSpan(at + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code):
                value.Append((char)code);
                return 6;
            default:
                throw QueryDiagnostics.InvalidLiteral(text, at, $"unknown escape sequence '\\{c}' (use \\\\, \\', \\\", \\n, \\r, \\t or \\uXXXX)");
        }
    }

    /// <summary><c>@"C:\path"</c>: no escapes; a doubled quote stands for one quote.</summary>
    private Token VerbatimString(int start, char quote)
    {
        var value = new StringBuilder();
        var i = start + 2;
        while (true)
        {
            if (i >= text.Length || text[i] == '\n') throw QueryDiagnostics.UnterminatedString(text, start);
            if (text[i] == quote)
            {
                if (i + 1 < text.Length && text[i + 1] == quote)
                {
                    value.Append(quote);
                    i += 2;
                    continue;
                }
                break;
            }
            value.Append(text[i++]);
        }
        _position = i + 1;
        return new Token(TokenKind.String, text[start.._position], start, value.ToString());
    }

    private void SkipTrivia()
    {
        while (_position < text.Length)
        {
            if (char.IsWhiteSpace(text[_position])) _position++;
            else if (text[_position] == '/' && Peek(1) == '/')
            {
                while (_position < text.Length && text[_position] != '\n') _position++;
            }
            else return;
        }
    }

    private char Peek(int ahead) => _position + ahead < text.Length ? text[_position + ahead] : '\0';

    private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == '$';

    private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '$';
}
