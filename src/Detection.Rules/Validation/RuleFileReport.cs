namespace Detection.Rules.Validation;

/// <summary>The verdict on one rule file: its rule id (when it could be read), and every diagnostic, in file order.</summary>
public sealed record RuleFileReport(string File, string? RuleId, IReadOnlyList<RuleDiagnostic> Diagnostics)
{
    public bool Ok => !Diagnostics.Any(d => d.IsError);
}
