using Detection.Generator.World;

namespace Detection.Generator.Events;

internal enum SignInKind { Interactive, NonInteractive, ServicePrincipal, ManagedIdentity }

/// <summary>One authentication step (authenticationDetails[]).</summary>
internal sealed record AuthStep(string Method, bool Succeeded, string ResultDetail, string StepRequirement, string? MethodDetail = null);

/// <summary>One Entra sign-in. Which fields are used depends on <see cref="Kind"/>.</summary>
internal sealed class SignIn : LogEvent
{
    public required SignInKind Kind { get; init; }
    public required Guid Id { get; init; }
    public required Guid CorrelationId { get; init; }
    public required NetworkOrigin Origin { get; init; }
    public required string UniqueTokenIdentifier { get; init; }
    public int ErrorCode { get; init; }
    public string? AdditionalDetails { get; init; }

    // users
    public string? UserId { get; init; }
    public string? UserPrincipalName { get; init; }
    public string? UserDisplayName { get; init; }
    public AppInfo? App { get; init; }
    public Device? Device { get; init; }
    public string? SessionId { get; init; }
    public string AuthenticationRequirement { get; init; } = "singleFactorAuthentication";
    public IReadOnlyList<AuthStep> AuthenticationDetails { get; init; } = [];
    public string? MfaMethod { get; init; }
    public string RiskLevelDuringSignIn { get; init; } = "none";
    public string IncomingTokenType { get; init; } = "none";
    public string? UserAgent { get; init; }

    // workloads
    public string? ServicePrincipalId { get; init; }
    public string? ServicePrincipalName { get; init; }
    public string? WorkloadAppId { get; init; }
    public string? CredentialKeyId { get; init; }
    public string? ClientCredentialType { get; init; }
    public (string Name, string Id) Resource { get; init; }
    public ManagedIdentity? ManagedIdentity { get; init; }

    public int ProcessingTimeMs { get; init; } = 120;
}
