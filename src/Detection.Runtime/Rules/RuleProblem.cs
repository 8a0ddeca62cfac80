namespace Detection.Runtime.Rules;

/// <summary>A rule file that will not run, and why: the first error, as <c>file:line:col: code: message</c>.</summary>
public sealed record RuleProblem(string File, string? RuleId, string Code, string Message, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}: error {Code}: {Message}";
}
