using System.Text.Json.Nodes;

namespace Detection.Ingestion.Tests;

/// <summary>Log Analytics rows as JSON lines, JSON arrays and CSV exports.</summary>
public sealed class RowFormatTests
{
    [Fact]
    public void JsonLinesRowsGoToTheTableTheirTypeNames()
    {
        var result = Load.Files(Load.Fixture("rows.jsonl"));
        Assert.Empty(result.Rejections);
        var signins = result.Tables["SigninLogs"];
        Assert.Equal("""{"errorCode":0}""", signins.Dynamic(0, "Status"));
        Assert.Equal(12L, signins.Cell(0, "DurationMs"));
        var audit = result.Tables["AuditLogs"];
        Assert.Equal(new DateTime(2024, 5, 1, 7, 0, 0, DateTimeKind.Utc), audit.Cell(0, "TimeGenerated"));
        Assert.Equal("admin@contoso.com", ((JsonNode)audit.Cell(0, "InitiatedBy")!)["user"]!["userPrincipalName"]!.GetValue<string>());
        Assert.Equal("Global Administrator", ((JsonNode)audit.Cell(0, "TargetResources")!)[0]!["displayName"]!.GetValue<string>());
    }

    [Fact]
    public void AJsonArrayOfRowsIsReadElementByElement()
    {
        var result = Load.Files(Load.Fixture("rows-array.json"));
        Assert.Empty(result.Rejections);
        var t = result.Tables["AzureActivity"];
        Assert.Equal(2, t.RowCount);
        Assert.Equal("""{"eventCategory":"Administrative"}""", t.Dynamic(0, "Properties_d"));
        Assert.Equal("Start", t.Cell(1, "ActivityStatusValue"));
    }

    [Fact]
    public void RowsWithoutTypeTakeTheTableOptionElseTheFileName()
    {
        using var dir = new Detection.Testing.TempDirectory();
        File.WriteAllText(dir.File("anything.jsonl"), """{"TimeGenerated":"2024-05-01T08:00:00Z","OperationName":"x"}""" + "\n");
        File.WriteAllText(dir.File("auditLogs-may.jsonl"), """{"TimeGenerated":"2024-05-01T08:00:00Z","OperationName":"y"}""" + "\n");
        var byOption = Load.Files(new LoadOptions { Table = "auditlogs" }, dir.File("anything.jsonl"));
        Assert.Equal(1, byOption.RowsByTable["AuditLogs"]);
        var byName = Load.Files(dir.File("auditLogs-may.jsonl"));
        Assert.Equal(1, byName.RowsByTable["AuditLogs"]);
        var neither = Load.Files(dir.File("anything.jsonl"));
        Assert.Contains("no Type", Assert.Single(neither.Rejections).Reason);
    }

    [Fact]
    public void PortalCsvExportsStripUnitsParseUsDatesAndMergeDynamicStringPairs()
    {
        var result = Load.Files(Load.Fixture("portal-export.csv"));
        Assert.Empty(result.Rejections);
        var t = result.Tables["SigninLogs"];
        Assert.Equal(2, t.RowCount);
        Assert.Equal(new DateTime(2021, 4, 19, 12, 13, 19, 483, DateTimeKind.Utc), t.Cell(0, "TimeGenerated"));
        Assert.Equal(new DateTime(2021, 4, 19, 1, 16, 34, DateTimeKind.Utc), t.Cell(1, "TimeGenerated"));
        Assert.Equal("""{"errorCode":50057,"failureReason":"User account is disabled."}""", t.Dynamic(0, "Status"));
        Assert.Equal("""{"errorCode":0}""", t.Dynamic(1, "Status"));
        Assert.Equal("""{"countryOrRegion":"KP"}""", t.Dynamic(0, "LocationDetails"));
        Assert.Equal("null", t.Dynamic(1, "LocationDetails"));
        Assert.Equal(true, t.Cell(0, "IsInteractive"));
        Assert.Equal(false, t.Cell(1, "IsInteractive"));
        Assert.Equal("[\r\n  {\r\n    \"succeeded\": false\r\n  }\r\n]", t.Cell(0, "AuthenticationDetails"));
        Assert.Contains(result.Notes, n => n.Contains("ignored: FlowType"));
    }

    [Fact]
    public void CustomLogSuffixesAreMatchedEitherWay()
    {
        var result = Load.Files(Load.Fixture("ntanetanalytics.csv"));
        Assert.Empty(result.Rejections);
        var t = result.Tables["NTANetAnalytics"];
        Assert.Equal(443, t.Cell(0, "DestPort"));
        Assert.Equal("10.0.0.4", t.Cell(0, "SrcIp"));
        Assert.Equal(new DateTime(2024, 5, 1, 10, 0, 0, DateTimeKind.Utc), t.Cell(0, "FlowStartTime"));
        Assert.Equal(t.Cell(0, "FlowStartTime"), t.Cell(0, "TimeGenerated"));
    }
}
