namespace Detection.Generator.World;

/// <summary>An application identity that signs in with a client secret or certificate on a schedule.</summary>
internal sealed record ServicePrincipal(
    string Name,
    Guid AppId,
    Guid ObjectId,
    Guid CredentialKeyId,
    string ClientCredentialType,
    NetworkOrigin Origin,
    IReadOnlyList<(string Name, string Id)> Resources,
    int PeriodMinutes,
    bool OfficeHoursOnly);

/// <summary>A managed identity attached to an Azure resource; asks tokens from the instance metadata endpoint.</summary>
internal sealed record ManagedIdentity(
    string Name,
    Guid AppId,
    Guid ObjectId,
    string MsiType,
    string AssociatedResourceId,
    NetworkOrigin Origin,
    IReadOnlyList<(string Name, string Id)> Resources,
    int PeriodMinutes);
