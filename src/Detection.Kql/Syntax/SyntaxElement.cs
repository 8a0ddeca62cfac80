namespace Detection.Kql.Syntax;

/// <summary>
/// A token or a node of the lossless syntax tree. Concatenating the <see cref="SyntaxToken.Trivia"/> and
/// <see cref="SyntaxToken.Text"/> of every token in order gives back the query text exactly.
/// Trees are immutable after parsing and safe to read from several threads.
/// </summary>
public abstract class SyntaxElement
{
    public abstract SyntaxKind Kind { get; }

    public SyntaxNode? Parent { get; internal set; }

    /// <summary>The span without leading trivia (what a diagnostic points at).</summary>
    public abstract TextSpan Span { get; }

    /// <summary>The span including leading trivia.</summary>
    public abstract TextSpan FullSpan { get; }

    public abstract SyntaxToken? FirstToken { get; }

    public abstract SyntaxToken? LastToken { get; }

    /// <summary>The text of the element including leading trivia.</summary>
    public string ToFullString()
    {
        var builder = new System.Text.StringBuilder();
        WriteTo(builder);
        return builder.ToString();
    }

    /// <summary>The text of the element without its leading trivia.</summary>
    public override string ToString()
    {
        var full = ToFullString();
        return full[(Span.Start - FullSpan.Start)..];
    }

    public abstract void WriteTo(System.Text.StringBuilder builder);
}
