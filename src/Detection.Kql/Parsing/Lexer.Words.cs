using Detection.Kql.Syntax;

namespace Detection.Kql.Parsing;

public sealed partial class Lexer
{
    /// <summary>Words joined by '-' that KQL treats as one keyword.</summary>
    private static readonly HashSet<string> HyphenatedKeywords = new(StringComparer.Ordinal)
    {
        "project-away", "project-keep", "project-rename", "project-reorder", "project-smart",
        "mv-expand", "mv-apply", "parse-where", "parse-kv", "make-series", "make-graph",
        "top-nested", "top-hitters", "sample-distinct", "graph-match", "graph-merge", "graph-to-table",
        "partition-by", "scan-by",
    };

    /// <summary>Operators written as '!' plus a word (<c>!has</c>, <c>!in~</c>…).</summary>
    private static readonly HashSet<string> NegatedWords = new(StringComparer.Ordinal)
    {
        "has", "has_cs", "hasprefix", "hasprefix_cs", "hassuffix", "hassuffix_cs", "contains", "contains_cs",
        "startswith", "startswith_cs", "endswith", "endswith_cs", "in", "in~", "between", "has_any", "has_all",
    };

    /// <summary>Type names whose <c>name(…)</c> form is a literal with raw content (<c>datetime(2024-01-01 10:00)</c>).</summary>
    private static readonly HashSet<string> RawLiteralWords = new(StringComparer.Ordinal)
    {
        "datetime", "date", "timespan", "time", "guid", "uniqueid", "int", "int32", "long", "int64",
        "real", "double", "decimal", "bool", "boolean",
    };

    private SyntaxKind ScanWord()
    {
        var start = _pos;
        ScanIdentifierChars();
        var word = _text[start.._pos];
        if (word == "in" && Peek() == '~') { _pos++; return SyntaxKind.Identifier; }
        if (Peek() == '-' && IsIdentifierStart(Peek(1)))
        {
            var save = _pos;
            _pos++;
            ScanIdentifierChars();
            if (HyphenatedKeywords.Contains(_text[start.._pos])) return SyntaxKind.Identifier;
            _pos = save;
        }
        if (RawLiteralWords.Contains(word) && Peek() == '(' && TryScanRawContent()) return SyntaxKind.TypedLiteral;
        return SyntaxKind.Identifier;
    }

    private void ScanIdentifierChars()
    {
        _pos++;
        while (_pos < _text.Length && IsIdentifierPart(_text[_pos])) _pos++;
    }

    /// <summary>Consumes <c>(…)</c> up to the first ')' on the same line; the content is checked later by the binder.</summary>
    private bool TryScanRawContent()
    {
        for (var i = _pos + 1; i < _text.Length; i++)
        {
            var c = _text[i];
            if (c == ')') { _pos = i + 1; return true; }
            if (c is '\n' or '(' or '"' or '\'' or '|' or ',') return false;
        }
        return false;
    }

    private bool TryScanNegatedWord()
    {
        var start = _pos;
        _pos++;
        ScanIdentifierChars();
        if (Peek() == '~') _pos++;
        if (NegatedWords.Contains(_text[(start + 1).._pos])) return true;
        _pos = start;
        return false;
    }

    private SyntaxKind ScanNumber()
    {
        if (Peek() == '0' && (Peek(1) is 'x' or 'X') && char.IsAsciiHexDigit(Peek(2)))
        {
            _pos += 2;
            while (char.IsAsciiHexDigit(Peek())) _pos++;
            return SyntaxKind.LongLiteral;
        }
        var real = false;
        while (char.IsAsciiDigit(Peek())) _pos++;
        if (Peek() == '.' && Peek(1) != '.')
        {
            real = true;
            _pos++;
            while (char.IsAsciiDigit(Peek())) _pos++;
        }
        if (Peek() is 'e' or 'E' && (char.IsAsciiDigit(Peek(1)) || (Peek(1) is '+' or '-' && char.IsAsciiDigit(Peek(2)))))
        {
            real = true;
            _pos += 2;
            while (char.IsAsciiDigit(Peek())) _pos++;
        }
        if (char.IsLetter(Peek()))
        {
            var unitStart = _pos;
            while (char.IsLetter(Peek())) _pos++;
            if (Timespans.IsUnit(_text[unitStart.._pos])) return SyntaxKind.TimespanLiteral;
            _pos = unitStart;
        }
        return real ? SyntaxKind.RealLiteral : SyntaxKind.LongLiteral;
    }
}
