namespace Detection.Ingestion.Export;

/// <summary>
/// The field → column mapping of export records, per record kind and scope, as data. A value is a comma-separated list
/// of target columns, each optionally <c>:priority</c> (default 2 at the top level, 3 inside <c>properties</c>; the higher
/// wins when two fields feed one column); <c>@Name</c> is a field with its own handling; an empty value ignores the field.
/// Fields not listed map to the column of the same name (case-insensitive) when the scope allows it.
/// README.md explains each choice.
/// </summary>
internal static class ExportMappings
{
    public const string Properties = "@Properties";
    public const string EntraResourceId = "@EntraResourceId";
    public const string ActivityCategory = "@ActivityCategory";
    public const string ActivityResourceId = "@ActivityResourceId";
    public const string ActivityIdentity = "@ActivityIdentity";
    public const string ActivityProperties = "@ActivityProperties";
    public const string ActivityClaims = "@ActivityClaims";

    public sealed record ScopeMap(Dictionary<string, string> Explicit, bool SameNameFallback);

    public sealed record KindMap(ScopeMap Top, ScopeMap Properties, ScopeMap Identity, string SourceSystem);

    private static Dictionary<string, string> D(params (string Field, string Columns)[] entries) =>
        entries.ToDictionary(e => e.Field, e => e.Columns, StringComparer.OrdinalIgnoreCase);

    private static readonly ScopeMap NoIdentity = new(D(), false);

    public static readonly KindMap SignIn = new(
        Top: new(D(
            ("time", "TimeGenerated"),
            ("tenantId", "AADTenantId"),
            ("resourceId", EntraResourceId),
            ("properties", Properties),
            ("callerIpAddress", "IPAddress:1"),
            ("correlationId", "CorrelationId:2")), SameNameFallback: true),
        Properties: new(D(
            ("location", "LocationDetails"),
            ("appliedConditionalAccessPolicies", "ConditionalAccessPolicies"),
            ("resourceId", "ResourceIdentity"),
            ("processingTimeInMilliseconds", "ProcessingTimeInMilliseconds,ProcessingTimeInMs"),
            ("correlationId", "CorrelationId:3")), SameNameFallback: true),
        Identity: NoIdentity,
        SourceSystem: "Azure AD");

    public static readonly KindMap Audit = new(
        Top: new(D(
            ("time", "TimeGenerated"),
            ("tenantId", "AADTenantId"),
            ("resourceId", EntraResourceId),
            ("properties", Properties),
            ("category", "")), SameNameFallback: true),
        Properties: new(D(
            ("operationType", "AADOperationType"),
            ("correlationId", "CorrelationId:3")), SameNameFallback: true),
        Identity: NoIdentity,
        SourceSystem: "Azure AD");

    public static readonly KindMap Activity = new(
        Top: new(D(
            ("time", "TimeGenerated"),
            ("operationName", "OperationNameValue,OperationName"),
            ("resultType", "ActivityStatusValue,ActivityStatus"),
            ("resultSignature", "ActivitySubstatusValue,ActivitySubstatus"),
            ("category", ActivityCategory),
            ("resourceId", ActivityResourceId),
            ("identity", ActivityIdentity),
            ("properties", ActivityProperties),
            ("callerIpAddress", "CallerIpAddress"),
            ("correlationId", "CorrelationId"),
            ("level", "Level"),
            ("tenantId", ""),
            ("location", "")), SameNameFallback: false),
        Properties: new(D(
            ("eventCategory", "CategoryValue:3,Category:3"),
            ("operationId", "OperationId"),
            ("eventDataId", "EventDataId"),
            ("eventSubmissionTimestamp", "EventSubmissionTimestamp"),
            ("httpRequest", "HTTPRequest"),
            ("hierarchy", "Hierarchy")), SameNameFallback: false),
        Identity: new(D(
            ("authorization", "Authorization,Authorization_d"),
            ("claims", ActivityClaims)), SameNameFallback: false),
        SourceSystem: "Azure");

    /// <summary>Claims that name the caller, best first (REST <c>caller</c>: "UPN claim, or SPN claim based on availability").</summary>
    public static readonly string[] CallerClaims =
    [
        "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn",
        "upn",
        "http://schemas.microsoft.com/identity/claims/objectidentifier",
        "oid",
        "appid",
    ];

    public static KindMap For(RecordKind kind) => kind switch
    {
        RecordKind.SignIn => SignIn,
        RecordKind.Audit => Audit,
        RecordKind.Activity => Activity,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
