namespace Detection.Generator.World;

/// <summary>A member of the tenant: a human or a service account (a user object used by a script).</summary>
internal sealed record Person(
    int Index,
    Guid Id,
    string UserPrincipalName,
    string DisplayName,
    Place Home,
    NetworkOrigin Office,
    NetworkOrigin Residence,
    Device Desktop,
    Device Mobile,
    bool IsAdmin,
    bool IsServiceAccount);
