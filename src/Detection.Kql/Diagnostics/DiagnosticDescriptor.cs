namespace Detection.Kql.Diagnostics;

/// <summary>What a diagnostic code means: its default severity, a title for documentation, and the official Kusto.Language code it corresponds to.</summary>
public sealed record DiagnosticDescriptor(string Code, DiagnosticSeverity Severity, string Title, string? OfficialCode);
