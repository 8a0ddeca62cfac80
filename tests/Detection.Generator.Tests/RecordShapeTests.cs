using System.Globalization;
using System.Text.Json;
using Detection.Generator.Tests.Support;

namespace Detection.Generator.Tests;

/// <summary>Every record carries the fields its category has on the wire (FORMATS.md), with the wire's types.</summary>
[Collection(SampleCollection.Name)]
public sealed class RecordShapeTests(SampleFixture sample)
{
    private GeneratedOutput Output => sample.Output;

    [Fact]
    public void Entra_records_have_the_common_envelope()
    {
        foreach (var r in Output.Records.Where(r => r.Category != "Administrative"))
        {
            var j = r.Json;
            foreach (var name in new[] { "time", "resourceId", "operationName", "operationVersion", "category", "tenantId", "resultSignature", "correlationId" })
                Assert.Equal(JsonValueKind.String, j.GetProperty(name).ValueKind);
            Assert.Equal(4, j.GetProperty("Level").GetInt32());
            Assert.Equal(0, j.GetProperty("durationMs").GetInt32());
            Assert.StartsWith("/tenants/", j.GetProperty("resourceId").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.Object, j.GetProperty("properties").ValueKind);
        }
    }

    [Fact]
    public void User_sign_ins_have_the_fields_detections_read()
    {
        var users = Output.Records.Where(r => r.Category is "SignInLogs" or "NonInteractiveUserSignInLogs").ToList();
        Assert.NotEmpty(users);
        foreach (var r in users)
        {
            var p = r.Properties;
            Assert.Equal("Sign-in activity", r.Json.GetProperty("operationName").GetString());
            Assert.Equal(r.ErrorCode.ToString(CultureInfo.InvariantCulture), r.Json.GetProperty("resultType").GetString());
            Assert.Equal(r.Category == "SignInLogs", p.GetProperty("isInteractive").GetBoolean());
            foreach (var name in new[] { "id", "createdDateTime", "userPrincipalName", "userDisplayName", "userId", "appId", "appDisplayName",
                         "ipAddress", "clientAppUsed", "sessionId", "uniqueTokenIdentifier", "riskLevelDuringSignIn", "riskState",
                         "resourceDisplayName", "resourceId", "authenticationRequirement", "conditionalAccessStatus", "userType" })
                Assert.True(p.GetProperty(name).ValueKind == JsonValueKind.String, $"{r.Category} properties.{name}");
            Assert.Equal(r.Json.GetProperty("callerIpAddress").GetString(), p.GetProperty("ipAddress").GetString());
            Assert.Equal(JsonValueKind.Number, p.GetProperty("autonomousSystemNumber").ValueKind);
            Assert.Equal(JsonValueKind.Array, p.GetProperty("authenticationDetails").ValueKind);
            Assert.NotEqual(0, p.GetProperty("authenticationDetails").GetArrayLength());
            Assert.Equal(JsonValueKind.Object, p.GetProperty("deviceDetail").ValueKind);
            var geo = p.GetProperty("location").GetProperty("geoCoordinates");
            Assert.InRange(geo.GetProperty("latitude").GetDouble(), -90, 90);
            Assert.InRange(geo.GetProperty("longitude").GetDouble(), -180, 180);
            Assert.Equal(r.Json.GetProperty("location").GetString(), p.GetProperty("location").GetProperty("countryOrRegion").GetString());
            if (r.ErrorCode != 0)
                Assert.False(string.IsNullOrEmpty(p.GetProperty("status").GetProperty("failureReason").GetString()));
        }
    }

    [Fact]
    public void Workload_sign_ins_have_service_principal_fields_and_no_user()
    {
        var workloads = Output.Records.Where(r => r.Category is "ServicePrincipalSignInLogs" or "ManagedIdentitySignInLogs").ToList();
        Assert.Contains(workloads, r => r.Category == "ServicePrincipalSignInLogs");
        Assert.Contains(workloads, r => r.Category == "ManagedIdentitySignInLogs");
        foreach (var r in workloads)
        {
            Assert.False(r.Json.TryGetProperty("identity", out _));
            Assert.Null(r.Upn);
            foreach (var name in new[] { "id", "appId", "servicePrincipalId", "servicePrincipalName", "uniqueTokenIdentifier", "resourceDisplayName", "ipAddress" })
                Assert.Equal(JsonValueKind.String, r.Properties.GetProperty(name).ValueKind);
            Assert.Equal(JsonValueKind.Number, r.Properties.GetProperty("status").GetProperty("errorCode").ValueKind);
            if (r.Category == "ManagedIdentitySignInLogs")
                Assert.StartsWith("/subscriptions/", r.Properties.GetProperty("managedServiceIdentity").GetProperty("associatedResourceId").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Audit_records_have_the_directory_audit_shape()
    {
        var audits = Output.Records.Where(r => r.Category == "AuditLogs").ToList();
        Assert.NotEmpty(audits);
        foreach (var r in audits)
        {
            var p = r.Properties;
            Assert.Equal(r.Json.GetProperty("operationName").GetString(), p.GetProperty("activityDisplayName").GetString());
            foreach (var name in new[] { "id", "category", "result", "activityDateTime", "loggedByService", "operationType", "correlationId" })
                Assert.Equal(JsonValueKind.String, p.GetProperty(name).ValueKind);
            Assert.Equal("success", p.GetProperty("result").GetString());
            var initiator = p.GetProperty("initiatedBy");
            Assert.True(initiator.TryGetProperty("user", out _) ^ initiator.TryGetProperty("app", out _));
            var targets = p.GetProperty("targetResources");
            Assert.NotEqual(0, targets.GetArrayLength());
            Assert.All(targets.EnumerateArray(), t => Assert.Equal(JsonValueKind.Array, t.GetProperty("modifiedProperties").ValueKind));
            Assert.Equal(JsonValueKind.Array, p.GetProperty("additionalDetails").ValueKind);
        }
        Assert.Contains(audits, r => r.Prop("loggedByService") == "PIM");
        Assert.Contains(audits, r => r.Prop("loggedByService") == "Core Directory");
    }

    [Fact]
    public void Routine_PIM_activations_are_approved_and_in_office_hours()
    {
        var completed = Output.Records.Where(r => r.Json.GetProperty("operationName").GetString() == "Add member to role completed (PIM activation)").ToList();
        var approved = Output.Records.Where(r => r.Json.GetProperty("operationName").GetString() == "Add member to role request approved (PIM activation)")
            .Select(r => r.Json.GetProperty("correlationId").GetString()).ToHashSet();
        var night = Output.Scenarios.Where(s => s.GetProperty("name").GetString() == "pim-activation-at-night")
            .Select(s => (Start: GeneratedOutput.ParseTime(s.GetProperty("start").GetString()!), End: GeneratedOutput.ParseTime(s.GetProperty("end").GetString()!))).ToList();
        var routine = completed.Where(r => !night.Any(w => r.Time >= w.Start && r.Time <= w.End)).ToList();
        Assert.NotEmpty(routine);
        Assert.All(routine, r => Assert.Contains(r.Json.GetProperty("correlationId").GetString(), approved));
        Assert.All(routine, r => Assert.Equal("PIM", r.Prop("loggedByService")));
    }

    [Fact]
    public void Activity_records_have_claims_authorization_and_event_category()
    {
        var activity = Output.Records.Where(r => r.Category == "Administrative").ToList();
        Assert.NotEmpty(activity);
        foreach (var r in activity)
        {
            var j = r.Json;
            Assert.Contains(j.GetProperty("resultType").GetString(), new[] { "Start", "Accept", "Success" });
            Assert.Equal(JsonValueKind.Object, j.GetProperty("identity").GetProperty("claims").ValueKind);
            Assert.Equal(JsonValueKind.Object, j.GetProperty("identity").GetProperty("authorization").ValueKind);
            Assert.Equal("Administrative", j.GetProperty("properties").GetProperty("eventCategory").GetString());
            Assert.StartsWith("/SUBSCRIPTIONS/", j.GetProperty("resourceId").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.String, j.GetProperty("callerIpAddress").ValueKind);
            Assert.Equal(JsonValueKind.String, j.GetProperty("level").ValueKind);
        }
        // Every operation that started also succeeded, under the same correlation id.
        var byCorrelation = activity.GroupBy(r => r.Json.GetProperty("correlationId").GetString());
        Assert.All(byCorrelation, g => Assert.Contains(g, r => r.Json.GetProperty("resultType").GetString() == "Success"));
    }

    [Fact]
    public void Flow_log_records_have_their_format_fields()
    {
        foreach (var r in Output.FlowRecords)
        {
            var category = r.GetProperty("category").GetString();
            if (category == "NetworkSecurityGroupFlowEvent")
            {
                Assert.Equal(2, r.GetProperty("properties").GetProperty("Version").GetInt32());
                Assert.Contains("/NETWORKSECURITYGROUPS/", r.GetProperty("resourceId").GetString(), StringComparison.Ordinal);
                Assert.Equal("NetworkSecurityGroupFlowEvents", r.GetProperty("operationName").GetString());
            }
            else
            {
                Assert.Equal("FlowLogFlowEvent", category);
                Assert.Equal(4, r.GetProperty("flowLogVersion").GetInt32());
                Assert.Equal(JsonValueKind.String, r.GetProperty("targetResourceID").ValueKind);
                Assert.Equal(JsonValueKind.String, r.GetProperty("macAddress").ValueKind);
            }
        }
        Assert.All(Output.Flows, f =>
        {
            Assert.Contains(f.Protocol, new[] { "T", "U" });
            Assert.Contains(f.Direction, "IO");
            Assert.Contains(f.State, f.Vnet ? "BCED" : "BCE");
        });
        Assert.Contains(Output.Flows, f => f.State == 'C');
    }
}
