namespace Detection.Runtime.Tests.EndToEnd;

/// <summary>
/// What the rule pack should raise for one generated scenario. <paramref name="Expected"/>: rules (file names without
/// .yaml) that must each raise an alert on every instance. <paramref name="Also"/>: rules that may fire on the same
/// attack events (impossible travel on an attacker's successful sign-in, first-time activation on a night-time one);
/// their alerts are explained, not false positives, but are not required. <paramref name="Entities"/>: label entity
/// kinds an alert must name (at least one value of each kind) to count for this scenario.
/// </summary>
public sealed record ScenarioRules(string Scenario, string[] Expected, string[] Also, string[] Entities)
{
    private static readonly string[] Victim = ["accounts", "attackerIps"];
    private static readonly string[] Change = ["accounts", "resources"];

    /// <summary>The mapping for every scenario the generator writes (src/Detection.Generator/README.md).</summary>
    public static IReadOnlyList<ScenarioRules> All { get; } =
    [
        new("password-spray", ["PasswordSpray"], [], ["attackerIps"]),
        new("brute-force-then-success", ["BruteForceThenSuccess"], ["ImpossibleTravel"], Victim),
        new("mfa-fatigue", ["MfaFatigue"], ["ImpossibleTravel"], Victim),
        new("token-replay", ["SessionReuseFromSecondLocation", "NonInteractiveNewCountryAfterMfa"], ["ImpossibleTravel"], Victim),
        new("impossible-travel", ["ImpossibleTravel"], [], Victim),
        new("role-assigned-outside-pim", ["RoleAssignedOutsidePim"], [], ["initiators", "targets"]),
        new("permanent-pim-assignment", ["PermanentPrivilegedAssignment"], [], ["initiators", "targets"]),
        new("pim-activation-at-night", ["PimActivationOutsideBusinessHours"], ["FirstTimeRoleActivation"], ["accounts"]),
        new("service-account-privileged-role", ["ServiceAccountAddedToPrivilegedRole"], [], ["targets"]),
        new("cis-public-ip-created", ["CisPublicIpCreatedOrUpdated"], [], Change),
        new("cis-nsg-rule-open-to-internet", ["CisNsgRuleCreatedOrUpdated", "NsgRuleManagementPortFromAny"], [], Change),
        new("cis-sql-firewall-open-to-all", ["CisSqlFirewallRuleCreatedOrUpdated"], [], Change),
        new("cis-policy-assignment-deleted", ["CisPolicyAssignmentDeleted"], [], Change),
        new("cis-diagnostic-settings-deleted", ["DiagnosticSettingsDeleted"], [], Change),
        new("port-scan", ["PortScan"], [], ["attackerIps"]),
        new("management-port-from-internet", ["ManagementPortFromInternet"], [], ["attackerIps"]),
    ];

    public IEnumerable<string> Rules => Expected.Concat(Also);
}
