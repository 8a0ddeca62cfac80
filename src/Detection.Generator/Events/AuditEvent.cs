namespace Detection.Generator.Events;

/// <summary>Who did it: a user (with the IP they came from) or an application.</summary>
internal sealed record Initiator(
    string DisplayName,
    string? UserId = null,
    string? UserPrincipalName = null,
    string? IpAddress = null,
    string? AppId = null,
    string? ServicePrincipalId = null)
{
    public bool IsUser => UserPrincipalName is not null;
}

internal sealed record ModifiedProperty(string DisplayName, string? OldValue, string? NewValue);

internal sealed record TargetResource(
    string Id,
    string DisplayName,
    string Type,
    string? UserPrincipalName = null,
    IReadOnlyList<ModifiedProperty>? ModifiedProperties = null);

/// <summary>One Entra audit record (the Graph directoryAudit shape inside <c>properties</c>).</summary>
internal sealed class AuditEvent : LogEvent
{
    public required string Activity { get; init; }
    public required string Category { get; init; }
    public required string LoggedByService { get; init; }
    public required string OperationType { get; init; }
    public required Guid CorrelationId { get; init; }
    public required string Id { get; init; }
    public required Initiator InitiatedBy { get; init; }
    public required IReadOnlyList<TargetResource> Targets { get; init; }
    public IReadOnlyList<KeyValuePair<string, string>> AdditionalDetails { get; init; } = [];
    public string Result { get; init; } = "success";
    public string ResultReason { get; init; } = "";
}
