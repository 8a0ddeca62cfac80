using System.Text;

namespace Detection.Kql.Syntax;

/// <summary>The value of KQL string literal tokens: quotes, <c>@</c> verbatim, <c>h</c> obfuscated, ``` fences, escapes.</summary>
public static class StringLiterals
{
    public static string Value(SyntaxToken token) => Value(token.Text);

    /// <summary>The value of a <see cref="SyntaxKind.StringLiteralExpression"/>: its adjacent literals concatenated.</summary>
    public static string Value(SyntaxNode node) => string.Concat(node.Tokens().Select(Value));

    public static string Value(string text)
    {
        if (text.Length >= 6 && (text.StartsWith("```", StringComparison.Ordinal) || text.StartsWith("~~~", StringComparison.Ordinal)))
            return text[3..Math.Max(3, text.Length - 3)];
        var i = 0;
        if (i < text.Length && text[i] is 'h' or 'H') i++;
        var verbatim = i < text.Length && text[i] == '@';
        if (verbatim) i++;
        if (i >= text.Length) return "";
        var quote = text[i];
        var end = text.Length > i + 1 && text[^1] == quote ? text.Length - 1 : text.Length;
        var body = text[(i + 1)..end];
        if (verbatim) return body.Replace($"{quote}{quote}", quote.ToString());
        var sb = new StringBuilder(body.Length);
        for (var k = 0; k < body.Length; k++)
        {
            var c = body[k];
            if (c != '\\' || k + 1 >= body.Length) { sb.Append(c); continue; }
            var e = body[++k];
            sb.Append(e switch { 'n' => '\n', 't' => '\t', 'r' => '\r', '0' => '\0', _ => e });
        }
        return sb.ToString();
    }
}
