using Detection.Generator.Events;

namespace Detection.Generator.Records;

/// <summary>The wire category of each record kind and the Log Analytics table it lands in.</summary>
internal static class Categories
{
    public const string SignInLogs = "SignInLogs";
    public const string NonInteractiveUserSignInLogs = "NonInteractiveUserSignInLogs";
    public const string ServicePrincipalSignInLogs = "ServicePrincipalSignInLogs";
    public const string ManagedIdentitySignInLogs = "ManagedIdentitySignInLogs";
    public const string AuditLogs = "AuditLogs";
    public const string Administrative = "Administrative";
    public const string NsgFlowEvent = "NetworkSecurityGroupFlowEvent";
    public const string VnetFlowEvent = "FlowLogFlowEvent";

    public const string FlowTable = "NTANetAnalytics";

    /// <summary>Export categories in output order.</summary>
    public static readonly IReadOnlyList<string> ExportCategories =
        [SignInLogs, NonInteractiveUserSignInLogs, ServicePrincipalSignInLogs, ManagedIdentitySignInLogs, AuditLogs, Administrative];

    public static string TableOf(string category) => category switch
    {
        SignInLogs => "SigninLogs",
        NonInteractiveUserSignInLogs => "AADNonInteractiveUserSignInLogs",
        ServicePrincipalSignInLogs => "AADServicePrincipalSignInLogs",
        ManagedIdentitySignInLogs => "AADManagedIdentitySignInLogs",
        AuditLogs => "AuditLogs",
        Administrative => "AzureActivity",
        NsgFlowEvent or VnetFlowEvent => FlowTable,
        _ => throw new ArgumentOutOfRangeException(nameof(category), category, null),
    };

    /// <summary>The export category of an event, or null for flow tuples (which go to flow-log blobs).</summary>
    public static string? Of(LogEvent e) => e switch
    {
        SignIn { Kind: SignInKind.Interactive } => SignInLogs,
        SignIn { Kind: SignInKind.NonInteractive } => NonInteractiveUserSignInLogs,
        SignIn { Kind: SignInKind.ServicePrincipal } => ServicePrincipalSignInLogs,
        SignIn { Kind: SignInKind.ManagedIdentity } => ManagedIdentitySignInLogs,
        AuditEvent => AuditLogs,
        ActivityEvent => Administrative,
        _ => null,
    };

    /// <summary>The Log Analytics table an event ends up in.</summary>
    public static string TableOf(LogEvent e) => e is FlowTuple ? FlowTable : TableOf(Of(e)!);
}
