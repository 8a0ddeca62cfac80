namespace Detection.Kql.Diagnostics;

/// <summary>Maps offsets in a text to 1-based line and column numbers. Lines end at <c>\n</c>; a <c>\r</c> before it belongs to the line.</summary>
public sealed class LineMap
{
    private readonly List<int> _lineStarts = [0];

    public LineMap(string text)
    {
        for (var i = 0; i < text.Length; i++)
            if (text[i] == '\n') _lineStarts.Add(i + 1);
    }

    public (int Line, int Column) Position(int offset)
    {
        var index = _lineStarts.BinarySearch(offset);
        if (index < 0) index = ~index - 1;
        return (index + 1, offset - _lineStarts[index] + 1);
    }

    public Diagnostic Locate(Diagnostic diagnostic)
    {
        var (line, column) = Position(diagnostic.Span.Start);
        return diagnostic with { Line = line, Column = column };
    }
}
