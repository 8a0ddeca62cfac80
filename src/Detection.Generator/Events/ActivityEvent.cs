namespace Detection.Generator.Events;

/// <summary>The principal behind an Azure Resource Manager call, as the token claims describe it.</summary>
internal sealed record Caller(string Name, string ObjectId, string AppId, string? UserPrincipalName, string IpAddress, string PrincipalType);

/// <summary>One Azure Activity log record (Administrative): one status step of one ARM operation.</summary>
internal sealed class ActivityEvent : LogEvent
{
    /// <summary>For example <c>Microsoft.Network/networkSecurityGroups/securityRules/write</c>.</summary>
    public required string Operation { get; init; }
    public required string ResourceId { get; init; }
    /// <summary>Start, Accept, Success or Failure.</summary>
    public required string Status { get; init; }
    public required string SubStatus { get; init; }
    public required Caller Caller { get; init; }
    public required Guid CorrelationId { get; init; }
    public required Guid EventDataId { get; init; }
    public required Guid OperationId { get; init; }
    public required string RoleDefinitionName { get; init; }
    public required Guid RoleAssignmentId { get; init; }
    public string? StatusCode { get; init; }
    public string? RequestBody { get; init; }
    public string? ResponseBody { get; init; }
    public string Level { get; init; } = "Information";
}
