namespace Detection.Rules.Validation;

/// <summary>The tactic names Sentinel accepts in <c>tactics</c> (MITRE ATT&amp;CK Enterprise and ICS, as Sentinel spells them).</summary>
public static class Tactics
{
    public static IReadOnlyList<string> All { get; } =
    [
        "Reconnaissance", "ResourceDevelopment", "InitialAccess", "Execution", "Persistence", "PrivilegeEscalation",
        "DefenseEvasion", "CredentialAccess", "Discovery", "LateralMovement", "Collection", "CommandAndControl",
        "Exfiltration", "Impact", "PreAttack", "ImpairProcessControl", "InhibitResponseFunction",
    ];

    public static bool IsKnown(string tactic) => All.Contains(tactic, StringComparer.OrdinalIgnoreCase);
}
