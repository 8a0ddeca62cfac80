using System.Text.Json;
using Detection.Generator.Events;
using Detection.Generator.World;

namespace Detection.Generator.Records;

/// <summary>Writes an <see cref="AuditEvent"/> as an <c>AuditLogs</c> record (FORMATS.md A.2; Graph directoryAudit inside <c>properties</c>).</summary>
internal static class AuditRecord
{
    public static void Write(Utf8JsonWriter w, AuditEvent a, WorldModel world)
    {
        var tenant = Wire.Guid(world.TenantId);
        var correlation = Wire.Guid(a.CorrelationId);
        w.WriteStartObject();
        w.WriteString("time", Wire.Time(a.Time));
        w.WriteString("resourceId", $"/tenants/{tenant}/providers/Microsoft.aadiam");
        w.WriteString("operationName", a.Activity);
        w.WriteString("operationVersion", "1.0");
        w.WriteString("category", Categories.AuditLogs);
        w.WriteString("tenantId", tenant);
        w.WriteString("resultSignature", "None");
        w.WriteNumber("durationMs", 0);
        w.WriteString("callerIpAddress", a.InitiatedBy.IpAddress ?? "<null>");
        w.WriteString("correlationId", correlation);
        w.WriteString("identity", a.InitiatedBy.DisplayName);
        w.WriteNumber("Level", 4);
        w.WritePropertyName("properties");
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("category", a.Category);
        w.WriteString("correlationId", correlation);
        w.WriteString("result", a.Result);
        w.WriteString("resultReason", a.ResultReason);
        w.WriteString("activityDisplayName", a.Activity);
        w.WriteString("activityDateTime", Wire.TimeWithOffset(a.Time));
        w.WriteString("loggedByService", a.LoggedByService);
        w.WriteString("operationType", a.OperationType);
        WriteInitiator(w, a.InitiatedBy);
        w.WriteStartArray("targetResources");
        foreach (var t in a.Targets) WriteTarget(w, t);
        w.WriteEndArray();
        w.WriteStartArray("additionalDetails");
        foreach (var (key, value) in a.AdditionalDetails)
        {
            w.WriteStartObject();
            w.WriteString("key", key);
            w.WriteString("value", value);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void WriteInitiator(Utf8JsonWriter w, Initiator i)
    {
        w.WriteStartObject("initiatedBy");
        if (i.IsUser)
        {
            w.WriteStartObject("user");
            w.WriteString("id", i.UserId);
            w.WriteString("displayName", i.DisplayName);
            w.WriteString("userPrincipalName", i.UserPrincipalName);
            w.WriteString("ipAddress", i.IpAddress ?? "");
            w.WriteStartArray("roles");
            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteStartObject("app");
            w.WriteString("appId", i.AppId);
            w.WriteString("displayName", i.DisplayName);
            w.WriteString("servicePrincipalId", i.ServicePrincipalId);
            w.WriteString("servicePrincipalName", i.DisplayName);
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    private static void WriteTarget(Utf8JsonWriter w, TargetResource t)
    {
        w.WriteStartObject();
        w.WriteString("id", t.Id);
        w.WriteString("displayName", t.DisplayName);
        w.WriteString("type", t.Type);
        if (t.UserPrincipalName is not null) w.WriteString("userPrincipalName", t.UserPrincipalName);
        w.WriteStartArray("modifiedProperties");
        foreach (var p in t.ModifiedProperties ?? [])
        {
            w.WriteStartObject();
            w.WriteString("displayName", p.DisplayName);
            w.WriteString("oldValue", p.OldValue);
            w.WriteString("newValue", p.NewValue);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("administrativeUnits");
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
