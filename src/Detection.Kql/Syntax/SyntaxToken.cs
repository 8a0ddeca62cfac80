namespace Detection.Kql.Syntax;

/// <summary>
/// A token: its leading trivia (whitespace and comments) and its text. A missing token (inserted by the
/// parser to recover from an error) has empty text and <see cref="IsMissing"/> set.
/// </summary>
public sealed class SyntaxToken : SyntaxElement
{
    public SyntaxToken(SyntaxKind kind, int fullStart, string trivia, string text, bool isMissing = false)
    {
        Kind = kind;
        FullStart = fullStart;
        Trivia = trivia;
        Text = text;
        IsMissing = isMissing;
    }

    public override SyntaxKind Kind { get; }

    public int FullStart { get; }

    public string Trivia { get; }

    public string Text { get; }

    public bool IsMissing { get; }

    public int Start => FullStart + Trivia.Length;

    public override TextSpan Span => new(Start, Text.Length);

    public override TextSpan FullSpan => new(FullStart, Trivia.Length + Text.Length);

    public override SyntaxToken FirstToken => this;

    public override SyntaxToken LastToken => this;

    /// <summary>True when the token is a word with this text (KQL keywords are case-sensitive).</summary>
    public bool Is(string word) => Kind == SyntaxKind.Identifier && Text == word;

    public override void WriteTo(System.Text.StringBuilder builder) => builder.Append(Trivia).Append(Text);

    public override string ToString() => Text;
}
