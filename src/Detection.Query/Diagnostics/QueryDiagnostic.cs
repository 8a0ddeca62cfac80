namespace Detection.Query.Diagnostics;

/// <summary>
/// One problem found in a query: a stable <see cref="Code"/> (tests assert codes, not wording), the character
/// <see cref="Offset"/> where it starts, its line and column, and a message that says what was expected.
/// </summary>
public sealed record QueryDiagnostic(string Code, string Message, int Offset, SourcePosition Position)
{
    /// <summary>For example <c>QRY003: expected a column name after 'project' at 1:23</c>.</summary>
    public override string ToString() => $"{Code}: {Message} at {Position}";
}
