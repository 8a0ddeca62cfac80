namespace Detection.Query.Syntax;

internal enum TokenKind
{
    /// <summary>A name or keyword; also a negated keyword such as <c>!has</c>.</summary>
    Word,
    String,
    Number,
    /// <summary><c>datetime(…)</c>; the token's <see cref="Token.Value"/> is the text between the parentheses.</summary>
    DateTime,
    Pipe,
    Comma,
    OpenParen,
    CloseParen,
    /// <summary>One of <c>== != =~ !~</c>.</summary>
    Symbol,
    End,
}

/// <summary>A token: its kind, its source text, its offset, and for literals the decoded value.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Offset, string Value)
{
    /// <summary>How an error message shows the token.</summary>
    public string Describe() => Kind == TokenKind.End ? "the end of the query" : $"'{Text}'";

    public bool IsWord(string word) => Kind == TokenKind.Word && Text == word;
}
