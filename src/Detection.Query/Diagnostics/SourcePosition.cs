namespace Detection.Query.Diagnostics;

/// <summary>A place in the query text: 1-based line and column (columns count UTF-16 characters).</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public static SourcePosition FromOffset(string text, int offset)
    {
        offset = Math.Clamp(offset, 0, text.Length);
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset; i++)
        {
            if (text[i] != '\n') continue;
            line++;
            lineStart = i + 1;
        }
        return new SourcePosition(line, offset - lineStart + 1);
    }

    public override string ToString() => $"{Line}:{Column}";
}
