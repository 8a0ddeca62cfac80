using Detection.Kql.Syntax;

namespace Detection.Kql.Diagnostics;

public enum DiagnosticSeverity
{
    Info,
    Warning,
    Error,
}

/// <summary>
/// One finding about a query: a stable <see cref="Code"/> (KQL001…), a severity, where it is (span, and the
/// 1-based line and column of the span's start) and a message naming what was found and what was expected.
/// </summary>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, TextSpan Span, string Message)
{
    /// <summary>1-based line of <see cref="Span"/>'s start; 0 until positioned against the text.</summary>
    public int Line { get; init; }

    /// <summary>1-based column (in UTF-16 units) of <see cref="Span"/>'s start; 0 until positioned.</summary>
    public int Column { get; init; }

    /// <summary>The official Kusto.Language code of the same finding (KS142…), when there is one; used by the conformance check.</summary>
    public string? OfficialCode { get; init; }

    public bool IsError => Severity == DiagnosticSeverity.Error;

    public override string ToString() =>
        $"{Line}:{Column}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
