using System.Text.Json;
using Detection.Generator.Events;
using Detection.Generator.World;

namespace Detection.Generator.Records;

/// <summary>Writes a <see cref="SignIn"/> as a diagnostic-settings record of its sign-in category (FORMATS.md A.1).</summary>
internal static class SignInRecord
{
    public static void Write(Utf8JsonWriter w, SignIn s, WorldModel world)
    {
        var tenant = Wire.Guid(world.TenantId);
        var failure = ErrorCodes.Describe(s.ErrorCode);
        w.WriteStartObject();
        w.WriteString("time", Wire.Time(s.Time));
        w.WriteString("resourceId", $"/tenants/{tenant}/providers/Microsoft.aadiam");
        w.WriteString("operationName", "Sign-in activity");
        w.WriteString("operationVersion", "1.0");
        w.WriteString("category", Categories.Of(s));
        w.WriteString("tenantId", tenant);
        w.WriteString("resultType", Wire.Invariant(s.ErrorCode));
        w.WriteString("resultSignature", "None");
        if (failure is not null) w.WriteString("resultDescription", failure);
        w.WriteNumber("durationMs", 0);
        w.WriteString("callerIpAddress", s.Origin.Ip);
        w.WriteString("correlationId", Wire.Guid(s.CorrelationId));
        if (s.UserDisplayName is not null) w.WriteString("identity", s.UserDisplayName);
        w.WriteNumber("Level", 4);
        w.WriteString("location", s.Origin.Place.Country);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WriteString("id", Wire.Guid(s.Id));
        w.WriteString("createdDateTime", Wire.TimeWithOffset(s.Time));
        if (s.Kind is SignInKind.Interactive or SignInKind.NonInteractive)
            WriteUserProperties(w, s, tenant, failure);
        else
            WriteWorkloadProperties(w, s, tenant, failure);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteUserProperties(Utf8JsonWriter w, SignIn s, string tenant, string? failure)
    {
        var app = s.App!;
        w.WriteString("userDisplayName", s.UserDisplayName);
        w.WriteString("userPrincipalName", s.UserPrincipalName);
        w.WriteString("userId", s.UserId);
        w.WriteString("appId", app.AppId);
        w.WriteString("appDisplayName", app.Name);
        w.WriteString("ipAddress", s.Origin.Ip);
        WriteStatus(w, s, failure);
        w.WriteString("clientAppUsed", app.ClientAppUsed);
        w.WriteString("userAgent", s.UserAgent ?? s.Device?.UserAgent ?? "");
        WriteDevice(w, s.Device);
        WriteLocation(w, s.Origin.Place);
        w.WriteString("correlationId", Wire.Guid(s.CorrelationId));
        var caApplied = s.ErrorCode == 0;
        w.WriteString("conditionalAccessStatus", caApplied ? "success" : "notApplied");
        w.WriteStartArray("appliedConditionalAccessPolicies");
        foreach (var (id, name) in Catalog.ConditionalAccessPolicies)
        {
            w.WriteStartObject();
            w.WriteString("id", id);
            w.WriteString("displayName", name);
            w.WriteStartArray("enforcedGrantControls");
            w.WriteStringValue(name.Contains("Block", StringComparison.Ordinal) ? "Block" : "Mfa");
            w.WriteEndArray();
            w.WriteStartArray("enforcedSessionControls");
            w.WriteEndArray();
            w.WriteString("result", caApplied && !name.Contains("Block", StringComparison.Ordinal) ? "success" : "notApplied");
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("originalRequestId", Wire.Guid(s.Id));
        w.WriteBoolean("isInteractive", s.Kind == SignInKind.Interactive);
        w.WriteString("tokenIssuerName", "");
        w.WriteString("tokenIssuerType", "AzureAD");
        w.WriteNumber("processingTimeInMilliseconds", s.ProcessingTimeMs);
        w.WriteString("riskDetail", "none");
        w.WriteString("riskLevelAggregated", s.RiskLevelDuringSignIn);
        w.WriteString("riskLevelDuringSignIn", s.RiskLevelDuringSignIn);
        w.WriteString("riskState", s.RiskLevelDuringSignIn == "none" ? "none" : "atRisk");
        w.WriteStartArray("riskEventTypes");
        w.WriteEndArray();
        w.WriteStartArray("riskEventTypes_v2");
        w.WriteEndArray();
        w.WriteString("resourceDisplayName", app.ResourceName);
        w.WriteString("resourceId", app.ResourceId);
        w.WriteString("resourceTenantId", tenant);
        w.WriteString("homeTenantId", tenant);
        w.WriteStartArray("authenticationDetails");
        foreach (var step in s.AuthenticationDetails)
        {
            w.WriteStartObject();
            w.WriteString("authenticationStepDateTime", Wire.TimeWithOffset(s.Time));
            w.WriteString("authenticationMethod", step.Method);
            if (step.MethodDetail is not null) w.WriteString("authenticationMethodDetail", step.MethodDetail);
            w.WriteBoolean("succeeded", step.Succeeded);
            w.WriteString("authenticationStepResultDetail", step.ResultDetail);
            w.WriteString("authenticationStepRequirement", step.StepRequirement);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteString("authenticationRequirement", s.AuthenticationRequirement);
        w.WriteString("authenticationProtocol", "none");
        w.WriteString("incomingTokenType", s.IncomingTokenType);
        w.WriteString("uniqueTokenIdentifier", s.UniqueTokenIdentifier);
        if (s.SessionId is not null) w.WriteString("sessionId", s.SessionId);
        if (s.MfaMethod is not null)
        {
            w.WriteStartObject("mfaDetail");
            w.WriteString("authMethod", s.MfaMethod);
            w.WriteEndObject();
        }
        w.WriteString("userType", "Member");
        w.WriteBoolean("flaggedForReview", false);
        w.WriteBoolean("isTenantRestricted", false);
        w.WriteNumber("autonomousSystemNumber", s.Origin.Asn);
        w.WriteString("crossTenantAccessType", "none");
        w.WriteString("clientCredentialType", "none");
    }

    private static void WriteWorkloadProperties(Utf8JsonWriter w, SignIn s, string tenant, string? failure)
    {
        w.WriteString("appId", s.WorkloadAppId);
        w.WriteString("ipAddress", s.Origin.Ip);
        WriteStatus(w, s, failure);
        WriteLocation(w, s.Origin.Place);
        w.WriteString("correlationId", Wire.Guid(s.CorrelationId));
        w.WriteString("conditionalAccessStatus", "notApplied");
        w.WriteStartArray("appliedConditionalAccessPolicies");
        w.WriteEndArray();
        w.WriteString("riskDetail", "none");
        w.WriteString("riskLevelAggregated", "none");
        w.WriteString("riskLevelDuringSignIn", "none");
        w.WriteString("riskState", "none");
        w.WriteString("resourceDisplayName", s.Resource.Name);
        w.WriteString("resourceId", s.Resource.Id);
        w.WriteString("resourceTenantId", tenant);
        w.WriteString("homeTenantId", tenant);
        w.WriteString("servicePrincipalName", s.ServicePrincipalName);
        w.WriteString("servicePrincipalId", s.ServicePrincipalId);
        if (s.CredentialKeyId is not null) w.WriteString("servicePrincipalCredentialKeyId", s.CredentialKeyId);
        w.WriteString("clientCredentialType", s.ClientCredentialType);
        if (s.ManagedIdentity is { } mi)
        {
            w.WriteStartObject("managedServiceIdentity");
            w.WriteString("msiType", mi.MsiType);
            w.WriteString("associatedResourceId", mi.AssociatedResourceId);
            w.WriteEndObject();
        }
        w.WriteString("uniqueTokenIdentifier", s.UniqueTokenIdentifier);
        w.WriteString("incomingTokenType", "none");
        w.WriteString("authenticationProtocol", "none");
        w.WriteNumber("autonomousSystemNumber", s.Origin.Asn);
        w.WriteNumber("processingTimeInMilliseconds", s.ProcessingTimeMs);
    }

    private static void WriteStatus(Utf8JsonWriter w, SignIn s, string? failure)
    {
        w.WriteStartObject("status");
        w.WriteNumber("errorCode", s.ErrorCode);
        if (failure is not null) w.WriteString("failureReason", failure);
        if (s.AdditionalDetails is not null) w.WriteString("additionalDetails", s.AdditionalDetails);
        w.WriteEndObject();
    }

    private static void WriteDevice(Utf8JsonWriter w, Device? d)
    {
        w.WriteStartObject("deviceDetail");
        w.WriteString("deviceId", d?.DeviceId ?? "");
        if (!string.IsNullOrEmpty(d?.DisplayName)) w.WriteString("displayName", d.DisplayName);
        w.WriteString("operatingSystem", d?.OperatingSystem ?? "");
        w.WriteString("browser", d?.Browser ?? "");
        if (d is { DeviceId.Length: > 0 })
        {
            w.WriteBoolean("isCompliant", d.IsCompliant);
            w.WriteBoolean("isManaged", d.IsManaged);
            w.WriteString("trustType", d.TrustType);
        }
        w.WriteEndObject();
    }

    private static void WriteLocation(Utf8JsonWriter w, Place p)
    {
        w.WriteStartObject("location");
        w.WriteString("city", p.City);
        w.WriteString("state", p.State);
        w.WriteString("countryOrRegion", p.Country);
        w.WriteStartObject("geoCoordinates");
        w.WriteNumber("latitude", p.Latitude);
        w.WriteNumber("longitude", p.Longitude);
        w.WriteEndObject();
        w.WriteEndObject();
    }
}
