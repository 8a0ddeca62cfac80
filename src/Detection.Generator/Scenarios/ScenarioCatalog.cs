namespace Detection.Generator.Scenarios;

/// <summary>Every scenario, in the order they are injected each day.</summary>
internal static class ScenarioCatalog
{
    public static IReadOnlyList<IScenario> All { get; } =
    [
        new PasswordSpray(),
        new BruteForceThenSuccess(),
        new MfaFatigue(),
        new TokenReplay(),
        new ImpossibleTravel(),
        new RoleAssignedOutsidePim(),
        new PermanentPimAssignment(),
        new PimActivationAtNight(),
        new ServiceAccountPrivilegedRole(),
        new PublicIpCreated(),
        new NsgRuleOpenToInternet(),
        new SqlFirewallOpenToAll(),
        new PolicyAssignmentDeleted(),
        new DiagnosticSettingsDeleted(),
        new PortScan(),
        new ManagementPortFromInternet(),
    ];
}
