using System.Text.Json.Nodes;

namespace Detection.Ingestion.Tests;

/// <summary>Diagnostic-settings export bodies, mapped as FORMATS.md and src/Detection.Ingestion/README.md say.</summary>
public sealed class ExportFormatTests
{
    private static readonly LoadResult Body = Load.Files(Load.Fixture("export-body.json"));

    [Fact]
    public void EachCategoryGoesToItsTable()
    {
        Assert.Equal(1, Body.RowsByTable["SigninLogs"]);
        Assert.Equal(1, Body.RowsByTable["AADNonInteractiveUserSignInLogs"]);
        Assert.Equal(1, Body.RowsByTable["AADServicePrincipalSignInLogs"]);
        Assert.Equal(1, Body.RowsByTable["AADManagedIdentitySignInLogs"]);
        Assert.Equal(1, Body.RowsByTable["AuditLogs"]);
        Assert.Equal(1, Body.RowsByTable["AzureActivity"]);
    }

    [Fact]
    public void AnUnknownCategoryIsCountedAndSetAsideWithItsLocation()
    {
        Assert.Equal(1, Body.SkippedUnknownCategory);
        Assert.Equal(1, Body.SkippedByCategory["ProvisioningLogs"]);
        var rejection = Assert.Single(Body.Rejections);
        Assert.Equal(7, rejection.Record);
        Assert.Equal(101, rejection.Line);
        Assert.Contains("unknown category 'ProvisioningLogs'", rejection.Reason);
    }

    [Fact]
    public void SignInTopLevelAndPropertiesFieldsMapToColumns()
    {
        var t = Body.Tables["SigninLogs"];
        Assert.Equal(new DateTime(2019, 3, 12, 16, 2, 15, DateTimeKind.Utc).AddTicks(5522137), t.Cell(0, "TimeGenerated"));
        Assert.Equal("50140", t.Cell(0, "ResultType"));
        Assert.Equal("4", t.Cell(0, "Level"));
        Assert.Equal("US", t.Cell(0, "Location"));
        Assert.Equal("72f988bf-0000-0000-0000-000000000001", t.Cell(0, "AADTenantId"));
        Assert.Equal("", t.Cell(0, "TenantId"));
        Assert.Equal("timothy@contoso.com", t.Cell(0, "UserPrincipalName"));
        Assert.Equal("203.0.113.11", t.Cell(0, "IPAddress"));
        Assert.Equal("bbbb1111-cc22-3333-44dd-555555eeeeee", t.Cell(0, "CorrelationId"));
        Assert.Equal("8000", t.Cell(0, "AutonomousSystemNumber"));
        Assert.Equal("238", t.Cell(0, "ProcessingTimeInMilliseconds"));
        Assert.Equal("00000003-0000-0ff1-ce00-000000000000", t.Cell(0, "ResourceIdentity"));
        Assert.Equal("/tenants/72f988bf-0000-0000-0000-000000000001/providers/Microsoft.aadiam", t.Cell(0, "ResourceId"));
        Assert.Equal("Microsoft.aadiam", t.Cell(0, "Resource"));
        Assert.Equal(true, t.Cell(0, "IsInteractive"));
        Assert.Equal(false, t.Cell(0, "FlaggedForReview"));
        Assert.Equal("SigninLogs", t.Cell(0, "Type"));
        Assert.Equal("Azure AD", t.Cell(0, "SourceSystem"));
        Assert.Equal("Bellevue", ((JsonNode)t.Cell(0, "LocationDetails")!)["city"]!.GetValue<string>());
        Assert.Equal("""{"deviceId":"8bfcb982","operatingSystem":"Windows 10","browser":"Chrome 72.0.3626"}""", t.Dynamic(0, "DeviceDetail"));
        Assert.Equal("HR app access policy", ((JsonNode)t.Cell(0, "ConditionalAccessPolicies")!)[0]!["displayName"]!.GetValue<string>());
        Assert.StartsWith("""[{"authenticationMethod":"Previously satisfied",""", (string)t.Cell(0, "AuthenticationDetails")!);
    }

    [Fact]
    public void StringColumnsOfNonInteractiveSignInsHoldCompactJson()
    {
        var t = Body.Tables["AADNonInteractiveUserSignInLogs"];
        Assert.Equal("""{"errorCode":0}""", t.Cell(0, "Status"));
        Assert.Equal("55836", t.Cell(0, "AutonomousSystemNumber"));
        Assert.Equal(false, t.Cell(0, "IsInteractive"));
    }

    [Fact]
    public void ServicePrincipalSignInsCoerceAStringDuration()
    {
        var t = Body.Tables["AADServicePrincipalSignInLogs"];
        Assert.Equal(-1L, t.Cell(0, "DurationMs"));
        Assert.Equal("Terraform-Datadog-CLI", t.Cell(0, "ServicePrincipalName"));
        Assert.Equal("", t.Cell(0, "Identity"));
    }

    [Fact]
    public void AuditCategoryComesFromPropertiesNotFromTheExportCategory()
    {
        var t = Body.Tables["AuditLogs"];
        Assert.Equal("Policy", t.Cell(0, "Category"));
        Assert.Equal("Update", t.Cell(0, "AADOperationType"));
        Assert.Equal("0", t.Cell(0, "Result"));
        Assert.Equal("Core Directory", t.Cell(0, "LoggedByService"));
        Assert.Equal("MS-PIM", t.Cell(0, "Identity"));
        Assert.Equal("Informational", t.Cell(0, "Level"));
        Assert.Equal("{}", t.Dynamic(0, "InitiatedBy"));
        Assert.Equal("Default Policy", ((JsonNode)t.Cell(0, "TargetResources")!)[0]!["displayName"]!.GetValue<string>());
        Assert.Equal(new DateTime(2018, 12, 10, 0, 3, 46, DateTimeKind.Utc).AddTicks(6161822), t.Cell(0, "ActivityDateTime"));
    }

    [Fact]
    public void ActivityRecordsDeriveResourceCallerAndCategory()
    {
        var t = Body.Tables["AzureActivity"];
        Assert.Equal("microsoft.support/supporttickets/write", t.Cell(0, "OperationNameValue"));
        Assert.Equal("Success", t.Cell(0, "ActivityStatusValue"));
        Assert.Equal("Succeeded.Created", t.Cell(0, "ActivitySubstatusValue"));
        Assert.Equal("Administrative", t.Cell(0, "CategoryValue"));
        Assert.Equal("s1", t.Cell(0, "SubscriptionId"));
        Assert.Equal("MSSupportGroup", t.Cell(0, "ResourceGroup"));
        Assert.Equal("microsoft.support", t.Cell(0, "ResourceProviderValue"));
        Assert.Equal("123456112305841", t.Cell(0, "Resource"));
        Assert.Equal("admin@contoso.com", t.Cell(0, "Caller"));
        Assert.Equal("111.111.111.11", t.Cell(0, "CallerIpAddress"));
        Assert.Equal("Azure Eventhubs Service Role", ((JsonNode)t.Cell(0, "Authorization_d")!)["evidence"]!["role"]!.GetValue<string>());
        Assert.StartsWith("""{"scope":"/subscriptions/s1",""", (string)t.Cell(0, "Authorization")!);
        Assert.Equal("John Smith", ((JsonNode)t.Cell(0, "Claims_d")!)["name"]!.GetValue<string>());
        Assert.Equal("""{"statusCode":"Created","serviceRequestId":"12345678-0000-0000-0000-00000000000f"}""", t.Cell(0, "Properties"));
    }

    [Fact]
    public void OneBodyPerLineAndBareRecordsPerLineAreReadToo()
    {
        var result = Load.Files(Load.Fixture("body-per-line.jsonl"));
        Assert.Empty(result.Rejections);
        Assert.Equal(2, result.RowsByTable["SigninLogs"]);
        Assert.Equal(1, result.RowsByTable["AuditLogs"]);
        Assert.Equal(1, result.RowsByTable["AADNonInteractiveUserSignInLogs"]);
        Assert.Equal("50126", result.Tables["SigninLogs"].Cell(1, "ResultType"));
    }

    [Fact]
    public void FieldNamesMatchWhateverTheirCase()
    {
        using var dir = new Detection.Testing.TempDirectory();
        File.WriteAllText(dir.File("body.json"), """
            {"RECORDS":[{"TIME":"2024-05-01T08:00:00+02:00","Category":"signinlogs","ResultType":0,"PROPERTIES":{"UserPrincipalName":"x@contoso.com","IPADDRESS":"198.51.100.7","Status":{"ErrorCode":0}}}]}
            """);
        var result = Load.Files(dir.Path);
        Assert.Empty(result.Rejections);
        var t = result.Tables["SigninLogs"];
        Assert.Equal(new DateTime(2024, 5, 1, 6, 0, 0, DateTimeKind.Utc), t.Cell(0, "TimeGenerated"));
        Assert.Equal("198.51.100.7", t.Cell(0, "IPAddress"));
        Assert.Equal("0", t.Cell(0, "ResultType"));
        Assert.Equal("x@contoso.com", t.Cell(0, "UserPrincipalName"));
    }

    [Fact]
    public void ATopLevelFallbackFillsItsColumnOnlyWhenThePropertiesFieldIsAbsentWhateverTheOrder()
    {
        using var dir = new Detection.Testing.TempDirectory();
        File.WriteAllText(dir.File("body.json"), """
            {"records":[
            {"time":"2024-05-01T08:00:00Z","category":"SignInLogs","correlationId":"top-1","callerIpAddress":"192.0.2.1","properties":{"correlationId":"inner-1","ipAddress":"198.51.100.1"}},
            {"time":"2024-05-01T08:00:01Z","category":"SignInLogs","properties":{"correlationId":"inner-2","ipAddress":"198.51.100.2"},"correlationId":"top-2","callerIpAddress":"192.0.2.2"},
            {"time":"2024-05-01T08:00:02Z","category":"SignInLogs","correlationId":"top-3","callerIpAddress":"192.0.2.3","properties":{"userPrincipalName":"x@contoso.com"}},
            {"time":"2024-05-01T08:00:03Z","category":"SignInLogs","correlationId":"top-4","properties":{"correlationId":null,"ipAddress":""}}
            ]}
            """);
        var result = Load.Files(dir.Path);
        Assert.Empty(result.Rejections);
        var t = result.Tables["SigninLogs"];
        Assert.Equal(["inner-1", "inner-2", "top-3", "top-4"], Enumerable.Range(0, 4).Select(r => t.Cell(r, "CorrelationId")));
        Assert.Equal(["198.51.100.1", "198.51.100.2", "192.0.2.3", ""], Enumerable.Range(0, 4).Select(r => t.Cell(r, "IPAddress")));
    }
}
