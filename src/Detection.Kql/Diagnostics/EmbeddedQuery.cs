namespace Detection.Kql.Diagnostics;

/// <summary>
/// Where a query sits inside a larger file (a rule YAML's <c>query: |</c> block): the 1-based file line of the
/// query's first line and the indentation removed from each line. Translates query positions to file positions,
/// for <c>detect validate</c>'s <c>file:line:col</c> output. Immutable.
/// </summary>
public sealed record EmbeddedQuery(int FirstLine, int Indentation)
{
    /// <summary>The diagnostic with <see cref="Diagnostic.Line"/> and <see cref="Diagnostic.Column"/> in file coordinates.</summary>
    public Diagnostic ToFile(Diagnostic diagnostic) =>
        diagnostic with { Line = FirstLine + diagnostic.Line - 1, Column = diagnostic.Column + Indentation };

    /// <summary><c>file:line:col: severity code: message</c>, the text form of <c>detect validate</c>.</summary>
    public static string Format(string file, Diagnostic diagnostic) =>
        $"{file}:{diagnostic.Line}:{diagnostic.Column}: {diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}: {diagnostic.Message}";
}
