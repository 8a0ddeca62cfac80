using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

/// <summary>
/// Splits query text into tokens, each carrying its leading trivia (whitespace and <c>//</c> comments), so that
/// the tokens together hold every character of the text. Never throws; bad input becomes <see cref="SyntaxKind.BadToken"/>
/// with a diagnostic.
/// </summary>
public sealed partial class Lexer
{
    private readonly string _text;
    private readonly List<Diagnostic> _diagnostics;
    private int _pos;

    private Lexer(string text, List<Diagnostic> diagnostics)
    {
        _text = text;
        _diagnostics = diagnostics;
    }

    /// <summary>All tokens of <paramref name="text"/>, ending with one <see cref="SyntaxKind.EndOfFile"/> token that holds the trailing trivia.</summary>
    public static List<SyntaxToken> Tokenize(string text, List<Diagnostic> diagnostics)
    {
        var lexer = new Lexer(text, diagnostics);
        var tokens = new List<SyntaxToken>();
        while (true)
        {
            var token = lexer.Next();
            tokens.Add(token);
            if (token.Kind == SyntaxKind.EndOfFile) return tokens;
        }
    }

    private char Peek(int ahead = 0) => _pos + ahead < _text.Length ? _text[_pos + ahead] : '\0';

    private SyntaxToken Next()
    {
        var fullStart = _pos;
        SkipTrivia();
        var trivia = _text[fullStart.._pos];
        var start = _pos;
        if (_pos >= _text.Length) return new SyntaxToken(SyntaxKind.EndOfFile, fullStart, trivia, "");
        var kind = Scan();
        return new SyntaxToken(kind, fullStart, trivia, _text[start.._pos]);
    }

    private void SkipTrivia()
    {
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (char.IsWhiteSpace(c)) _pos++;
            else if (c == '/' && Peek(1) == '/')
            {
                while (_pos < _text.Length && _text[_pos] != '\n') _pos++;
            }
            else return;
        }
    }

    private SyntaxKind Scan()
    {
        var c = Peek();
        if (IsStringStart()) return ScanString();
        if (char.IsAsciiDigit(c) || (c == '.' && char.IsAsciiDigit(Peek(1)) && !IsAfterDot())) return ScanNumber();
        if (IsIdentifierStart(c)) return ScanWord();
        if (c == '!' && IsIdentifierStart(Peek(1)) && TryScanNegatedWord()) return SyntaxKind.Identifier;
        return ScanPunctuation(c);
    }

    private bool IsAfterDot() => _pos > 0 && _text[_pos - 1] == '.';

    internal static bool IsIdentifierStart(char c) => char.IsLetter(c) || c == '_' || c == '$';

    internal static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c == '_';

    private SyntaxKind ScanPunctuation(char c)
    {
        var next = Peek(1);
        (SyntaxKind Kind, int Length) result = c switch
        {
            '|' => (SyntaxKind.Bar, 1),
            '(' => (SyntaxKind.OpenParen, 1),
            ')' => (SyntaxKind.CloseParen, 1),
            '[' => (SyntaxKind.OpenBracket, 1),
            ']' => (SyntaxKind.CloseBracket, 1),
            '{' => (SyntaxKind.OpenBrace, 1),
            '}' => (SyntaxKind.CloseBrace, 1),
            ',' => (SyntaxKind.Comma, 1),
            ';' => (SyntaxKind.Semicolon, 1),
            ':' => (SyntaxKind.Colon, 1),
            '.' when next == '.' => (SyntaxKind.DotDot, 2),
            '.' => (SyntaxKind.Dot, 1),
            '=' when next == '=' => (SyntaxKind.EqualEqual, 2),
            '=' when next == '~' => (SyntaxKind.EqualTilde, 2),
            '=' when next == '>' => (SyntaxKind.FatArrow, 2),
            '=' => (SyntaxKind.Equal, 1),
            '!' when next == '=' => (SyntaxKind.BangEqual, 2),
            '!' when next == '~' => (SyntaxKind.BangTilde, 2),
            '!' => (SyntaxKind.Bang, 1),
            '<' when next == '>' => (SyntaxKind.LessGreater, 2),
            '<' when next == '=' => (SyntaxKind.LessEqual, 2),
            '<' => (SyntaxKind.Less, 1),
            '>' when next == '=' => (SyntaxKind.GreaterEqual, 2),
            '>' => (SyntaxKind.Greater, 1),
            '+' => (SyntaxKind.Plus, 1),
            '-' => (SyntaxKind.Minus, 1),
            '*' => (SyntaxKind.Asterisk, 1),
            '/' => (SyntaxKind.Slash, 1),
            '%' => (SyntaxKind.Percent, 1),
            '?' => (SyntaxKind.Question, 1),
            _ => (SyntaxKind.BadToken, char.IsSurrogatePair(_text, _pos) ? 2 : 1),
        };
        if (result.Kind == SyntaxKind.BadToken)
            _diagnostics.Add(DiagnosticFactory.Character(new TextSpan(_pos, result.Length), c));
        _pos += result.Length;
        return result.Kind;
    }
}
