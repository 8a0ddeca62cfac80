namespace Detection.Kql.Syntax;

/// <summary>A range of characters in the query text: <see cref="Start"/> and <see cref="Length"/>, both in UTF-16 units.</summary>
public readonly record struct TextSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static TextSpan FromBounds(int start, int end) => new(start, end - start);

    public override string ToString() => $"[{Start}..{End})";
}
