using Detection.Kql.Diagnostics;

namespace Detection.Rules.Validation;

/// <summary>A finding about a rule file, positioned in the file (1-based line and column).</summary>
public sealed record RuleDiagnostic(string Code, DiagnosticSeverity Severity, string Message, int Line, int Column)
{
    public bool IsError => Severity == DiagnosticSeverity.Error;
}
