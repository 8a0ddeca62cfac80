using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

/// <summary>
/// Recursive-descent parser producing a lossless tree: every token, including the ones it could not place,
/// ends up in the tree (unplaceable ones under <see cref="SyntaxKind.SkippedTokens"/>). Errors are recovered
/// locally with zero-width missing tokens. Nesting is bounded, so no input can overflow the stack.
/// </summary>
public sealed partial class Parser
{
    /// <summary>Deeper nesting than this is reported, and the nested text is kept as skipped tokens.</summary>
    public const int MaxDepth = 150;

    private readonly List<SyntaxToken> _tokens;
    private readonly List<Diagnostic> _diagnostics;
    private int _index;
    private int _depth;

    private Parser(List<SyntaxToken> tokens, List<Diagnostic> diagnostics)
    {
        _tokens = tokens;
        _diagnostics = diagnostics;
    }

    /// <summary>Parses <paramref name="text"/> into a <see cref="SyntaxKind.Query"/> node; diagnostics are appended to <paramref name="diagnostics"/>.</summary>
    public static SyntaxNode ParseQuery(string text, List<Diagnostic> diagnostics)
    {
        var tokens = Lexer.Tokenize(text, diagnostics);
        return new Parser(tokens, diagnostics).Query();
    }

    private SyntaxToken Current => _tokens[_index];

    private SyntaxToken PeekToken(int ahead) => _tokens[Math.Min(_index + ahead, _tokens.Count - 1)];

    private SyntaxKind Kind => Current.Kind;

    private bool IsWord(string word) => Current.Is(word);

    private bool IsWord(int ahead, string word) => PeekToken(ahead).Is(word);

    private SyntaxToken Take()
    {
        var token = Current;
        if (_index < _tokens.Count - 1) _index++;
        return token;
    }

    /// <summary>Where something missing is reported: zero width, right after the previous token (as Kusto reports it).</summary>
    private TextSpan MissingSpan => new(_index > 0 ? _tokens[_index - 1].Span.End : 0, 0);

    /// <summary>
    /// Where an expected token is reported: on the token found instead when it is on the same line, else zero width
    /// after the previous token (the end of the line the token is missing from), as Kusto reports it.
    /// </summary>
    private TextSpan ExpectedSpan => Current.Trivia.Contains('\n') ? MissingSpan : Current.Span;

    private SyntaxToken Missing(SyntaxKind kind) => new(kind, Current.FullStart, "", "", isMissing: true);

    /// <summary>The current token if it is of <paramref name="kind"/>, else a missing one and a diagnostic.</summary>
    private SyntaxToken Expect(SyntaxKind kind, string display)
    {
        if (Kind == kind) return Take();
        Report(DiagnosticFactory.Expected(ExpectedSpan, $"'{display}'", Current.Text));
        return Missing(kind);
    }

    private SyntaxToken ExpectWord(string word)
    {
        if (IsWord(word)) return Take();
        Report(DiagnosticFactory.Expected(ExpectedSpan, $"'{word}'", Current.Text));
        return Missing(SyntaxKind.Identifier);
    }

    private SyntaxToken? TakeIf(SyntaxKind kind) => Kind == kind ? Take() : null;

    private SyntaxToken? TakeIfWord(string word) => IsWord(word) ? Take() : null;

    private void Report(Diagnostic diagnostic)
    {
        // One syntax error of a kind per position: a cascade at the same place tells the reader nothing new.
        if (_diagnostics.Count > 0 && _diagnostics[^1].Span.Start == diagnostic.Span.Start && _diagnostics[^1].Code == diagnostic.Code) return;
        _diagnostics.Add(diagnostic);
    }

    private static SyntaxNode Node(SyntaxKind kind, params SyntaxElement?[] children) =>
        new(kind, children.Where(c => c is not null).Cast<SyntaxElement>());

    private static SyntaxNode Node(SyntaxKind kind, List<SyntaxElement> children) => new(kind, children);

    /// <summary>True at a token that ends a pipeline or a list: ';', ')', '}', ']', '|' or the end.</summary>
    private bool AtEndOfClause() =>
        Kind is SyntaxKind.Semicolon or SyntaxKind.CloseParen or SyntaxKind.CloseBrace or SyntaxKind.CloseBracket
            or SyntaxKind.Bar or SyntaxKind.EndOfFile;

    /// <summary>
    /// Skips tokens up to the end of the current clause (a '|', ';' or closing bracket at this level),
    /// keeping balanced brackets inside. Iterative: used to recover from too-deep nesting too.
    /// </summary>
    private SyntaxNode? SkipClause(bool stopAtBar = true)
    {
        var skipped = new List<SyntaxElement>();
        var depth = 0;
        while (Kind != SyntaxKind.EndOfFile)
        {
            if (depth == 0 && (Kind is SyntaxKind.Semicolon or SyntaxKind.CloseParen or SyntaxKind.CloseBrace or SyntaxKind.CloseBracket
                    || (stopAtBar && Kind == SyntaxKind.Bar)))
                break;
            if (Kind is SyntaxKind.OpenParen or SyntaxKind.OpenBracket or SyntaxKind.OpenBrace) depth++;
            else if (Kind is SyntaxKind.CloseParen or SyntaxKind.CloseBracket or SyntaxKind.CloseBrace) depth--;
            skipped.Add(Take());
        }
        return skipped.Count == 0 ? null : Node(SyntaxKind.SkippedTokens, skipped);
    }

    /// <summary>Runs <paramref name="parse"/> one level deeper, or skips the clause when the nesting limit is reached.</summary>
    private SyntaxNode Nested(Func<SyntaxNode> parse)
    {
        if (_depth >= MaxDepth)
        {
            var start = Current.Start;
            var skipped = SkipClause(stopAtBar: false) ?? Node(SyntaxKind.MissingExpression, Missing(SyntaxKind.Identifier));
            Report(DiagnosticFactory.Nesting(new TextSpan(start, Math.Max(0, Current.Start - start)), MaxDepth));
            return skipped;
        }
        _depth++;
        try { return parse(); }
        finally { _depth--; }
    }
}
