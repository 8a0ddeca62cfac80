using System.Text.Json;
using Detection.Generator.Events;
using Detection.Generator.World;

namespace Detection.Generator.Records;

/// <summary>
/// Writes an <see cref="ActivityEvent"/> as an Azure Activity log record (category Administrative) the way the
/// subscription's diagnostic setting exports it (FORMATS.md A.3): upper-case <c>operationName</c> and <c>resourceId</c>,
/// <c>identity.claims</c> and <c>identity.authorization</c>, and <c>properties.eventCategory</c>.
/// </summary>
internal static class ActivityRecord
{
    private const string ClaimUpn = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/upn";
    private const string ClaimName = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/name";
    private const string ClaimObjectId = "http://schemas.microsoft.com/identity/claims/objectidentifier";
    private const string ClaimTenantId = "http://schemas.microsoft.com/identity/claims/tenantid";
    private const string ClaimNameId = "http://schemas.xmlsoap.org/ws/2005/05/identity/claims/nameidentifier";
    private const string ClaimAuthMethods = "http://schemas.microsoft.com/claims/authnmethodsreferences";

    public static void Write(Utf8JsonWriter w, ActivityEvent a, WorldModel world)
    {
        var tenant = Wire.Guid(world.TenantId);
        var sub = world.Estate.SubscriptionId;
        w.WriteStartObject();
        w.WriteString("RoleLocation", "West Europe");
        w.WriteString("time", Wire.Time(a.Time));
        w.WriteString("resourceId", a.ResourceId.ToUpperInvariant());
        w.WriteString("operationName", a.Operation.ToUpperInvariant());
        w.WriteString("category", Categories.Administrative);
        w.WriteString("resultType", a.Status);
        w.WriteString("resultSignature", a.SubStatus);
        w.WriteNumber("durationMs", 0);
        w.WriteString("callerIpAddress", a.Caller.IpAddress);
        w.WriteString("correlationId", Wire.Guid(a.CorrelationId));
        w.WriteStartObject("identity");
        w.WriteStartObject("authorization");
        w.WriteString("scope", a.ResourceId);
        w.WriteString("action", a.Operation);
        w.WriteStartObject("evidence");
        w.WriteString("role", a.RoleDefinitionName);
        w.WriteString("roleAssignmentScope", $"/subscriptions/{sub}");
        w.WriteString("roleAssignmentId", a.RoleAssignmentId.ToString("N"));
        w.WriteString("roleDefinitionId", a.RoleDefinitionName == "Owner" ? "8e3af657a8ff443ca75c2fe8c4bcb635" : "b24988ac618042a0ab8820f7382dd24c");
        w.WriteString("principalId", a.Caller.ObjectId.Replace("-", "", StringComparison.Ordinal));
        w.WriteString("principalType", a.Caller.PrincipalType);
        w.WriteEndObject();
        w.WriteEndObject();
        WriteClaims(w, a, tenant);
        w.WriteEndObject();
        w.WriteString("level", a.Level);
        w.WriteString("location", "global");
        w.WriteStartObject("properties");
        if (a.StatusCode is not null) w.WriteString("statusCode", a.StatusCode);
        if (a.RequestBody is not null) w.WriteString("requestbody", a.RequestBody);
        if (a.ResponseBody is not null) w.WriteString("responseBody", a.ResponseBody);
        if (a.Status == "Success") w.WriteString("serviceRequestId", Wire.Guid(a.OperationId));
        w.WriteString("eventCategory", "Administrative");
        w.WriteString("entity", a.ResourceId);
        w.WriteString("message", a.Operation);
        w.WriteString("hierarchy", $"{tenant}/{sub}");
        w.WriteString("eventDataId", Wire.Guid(a.EventDataId));
        w.WriteString("operationId", Wire.Guid(a.OperationId));
        w.WriteEndObject();
        w.WriteString("tenantId", tenant);
        w.WriteEndObject();
    }

    private static void WriteClaims(Utf8JsonWriter w, ActivityEvent a, string tenant)
    {
        var c = a.Caller;
        var issued = Wire.UnixSeconds(a.Time) - 900;
        w.WriteStartObject("claims");
        w.WriteString("aud", "https://management.core.windows.net/");
        w.WriteString("iss", $"https://sts.windows.net/{tenant}/");
        w.WriteString("iat", Wire.Invariant(issued));
        w.WriteString("nbf", Wire.Invariant(issued));
        w.WriteString("exp", Wire.Invariant(issued + 4500));
        w.WriteString("appid", c.AppId);
        w.WriteString("appidacr", c.UserPrincipalName is null ? "1" : "0");
        if (c.UserPrincipalName is not null)
        {
            w.WriteString(ClaimAuthMethods, "pwd,mfa");
            w.WriteString(ClaimName, c.UserPrincipalName);
            w.WriteString(ClaimUpn, c.UserPrincipalName);
            w.WriteString("name", c.Name);
            w.WriteString("ipaddr", c.IpAddress);
        }
        else
        {
            w.WriteString("idtyp", "app");
        }
        w.WriteString(ClaimObjectId, c.ObjectId);
        w.WriteString(ClaimNameId, c.ObjectId);
        w.WriteString(ClaimTenantId, tenant);
        w.WriteString("ver", "1.0");
        w.WriteEndObject();
    }
}
