using Detection.Kql.Diagnostics;
using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

public sealed partial class Lexer
{
    private bool IsStringStart()
    {
        var i = _pos;
        if (i < _text.Length && _text[i] is 'h' or 'H') i++;
        if (i < _text.Length && _text[i] == '@') i++;
        if (i >= _text.Length) return false;
        if (_text[i] is '"' or '\'') return true;
        return i == _pos && (At("```") || At("~~~"));
    }

    private bool At(string s) => string.CompareOrdinal(_text, _pos, s, 0, s.Length) == 0;

    private SyntaxKind ScanString()
    {
        if (At("```") || At("~~~"))
        {
            var fence = _text.Substring(_pos, 3);
            var end = _text.IndexOf(fence, _pos + 3, StringComparison.Ordinal);
            if (end < 0)
            {
                _pos = _text.Length;
                _diagnostics.Add(DiagnosticFactory.Unterminated(new TextSpan(_pos, 0), fence));
            }
            else _pos = end + 3;
            return SyntaxKind.StringLiteral;
        }
        if (Peek() is 'h' or 'H') _pos++;
        var verbatim = Peek() == '@';
        if (verbatim) _pos++;
        var quote = Peek();
        _pos++;
        while (_pos < _text.Length)
        {
            var c = _text[_pos];
            if (c == '\n') break;
            if (!verbatim && c == '\\' && _pos + 1 < _text.Length && _text[_pos + 1] != '\n') { _pos += 2; continue; }
            if (c == quote)
            {
                if (verbatim && Peek(1) == quote) { _pos += 2; continue; }
                _pos++;
                return SyntaxKind.StringLiteral;
            }
            _pos++;
        }
        _diagnostics.Add(DiagnosticFactory.Unterminated(new TextSpan(_pos, 0), quote.ToString()));
        return SyntaxKind.StringLiteral;
    }
}
