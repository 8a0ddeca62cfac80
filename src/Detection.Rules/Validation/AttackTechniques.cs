namespace Detection.Rules.Validation;

/// <summary>
/// The tactics each ATT&amp;CK Enterprise technique belongs to, for the techniques the rule pack uses (as Sentinel
/// spells tactics). Taken from attack.mitre.org (Enterprise v15/v16); add a line when a rule cites a new technique.
/// A sub-technique not listed takes its parent's tactics, which ATT&amp;CK gives it in almost every case.
/// </summary>
public static class AttackTechniques
{
    private const string Recon = "Reconnaissance", Initial = "InitialAccess", Persist = "Persistence", PrivEsc = "PrivilegeEscalation",
        Evasion = "DefenseEvasion", Creds = "CredentialAccess", Discovery = "Discovery", Lateral = "LateralMovement",
        Exfil = "Exfiltration", Impact = "Impact";

    private static readonly Dictionary<string, string[]> TacticsOf = new(StringComparer.OrdinalIgnoreCase)
    {
        ["T1021"] = [Lateral],                                  // Remote Services (.001 RDP, .004 SSH)
        ["T1046"] = [Discovery],                                // Network Service Discovery
        ["T1048"] = [Exfil],                                    // Exfiltration Over Alternative Protocol
        ["T1078"] = [Evasion, Persist, PrivEsc, Initial],       // Valid Accounts (.004 Cloud Accounts)
        ["T1098"] = [Persist, PrivEsc],                         // Account Manipulation (.001 credentials, .003 roles)
        ["T1110"] = [Creds],                                    // Brute Force (.001 guessing, .003 spraying)
        ["T1133"] = [Persist, Initial],                         // External Remote Services
        ["T1485"] = [Impact],                                   // Data Destruction
        ["T1490"] = [Impact],                                   // Inhibit System Recovery
        ["T1528"] = [Creds],                                    // Steal Application Access Token
        ["T1539"] = [Creds],                                    // Steal Web Session Cookie
        ["T1548"] = [PrivEsc, Evasion],                         // Abuse Elevation Control Mechanism
        ["T1550"] = [Evasion, Lateral],                         // Use Alternate Authentication Material (.001 app token)
        ["T1552"] = [Creds],                                    // Unsecured Credentials
        ["T1555"] = [Creds],                                    // Credentials from Password Stores (.006 cloud secrets)
        ["T1556"] = [Creds, Evasion, Persist],                  // Modify Authentication Process (.006 MFA)
        ["T1562"] = [Evasion],                                  // Impair Defenses (.001 tools, .007 cloud firewall, .008 cloud logs)
        ["T1567"] = [Exfil],                                    // Exfiltration Over Web Service
        ["T1578"] = [Evasion],                                  // Modify Cloud Compute Infrastructure
        ["T1595"] = [Recon],                                    // Active Scanning (.001 IP blocks)
        ["T1621"] = [Creds],                                    // Multi-Factor Authentication Request Generation
    };

    /// <summary>The technique's tactics, or null when this table does not know the technique (nor its parent).</summary>
    public static IReadOnlyList<string>? Tactics(string technique)
    {
        if (TacticsOf.TryGetValue(technique, out var tactics)) return tactics;
        var dot = technique.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && TacticsOf.TryGetValue(technique[..dot], out var parent) ? parent : null;
    }
}
