namespace Detection.Ingestion.Tests;

/// <summary>The unmodified public samples of ../shared/datasets (INDEX.md there gives sources and row counts).</summary>
public sealed class RealDatasetTests
{
    [DatasetFact]
    public void SignInCsvExportLoadsAll56RowsIntoSigninLogs()
    {
        var result = Load.Files(Datasets.File("sign-in_adelete.csv"));
        Assert.Empty(result.Rejections);
        Assert.Equal(56, result.RowsByTable["SigninLogs"]);
        var table = result.Tables["SigninLogs"];
        Assert.Equal("175.45.176.99", table.Cell(0, "IPAddress"));
        Assert.Equal(new DateTime(2021, 4, 28, 14, 8, 45, 221, DateTimeKind.Utc), table.Cell(0, "CreatedDateTime"));
        Assert.Equal(table.Cell(0, "CreatedDateTime"), table.Cell(0, "TimeGenerated"));
        Assert.Equal("{\"errorCode\":0}", table.Dynamic(0, "Status"));
        Assert.Equal("IL", ((System.Text.Json.Nodes.JsonNode)table.Cell(0, "LocationDetails")!)["countryOrRegion"]!.GetValue<string>());
        Assert.Equal(true, table.Cell(0, "IsInteractive"));
    }

    [DatasetFact]
    public void DisabledAccountsCsvLoadsFourFailedSignIns()
    {
        var result = Load.Files(Datasets.File("disable_accounts.csv"));
        Assert.Empty(result.Rejections);
        Assert.Equal(4, result.RowsByTable["SigninLogs"]);
        var table = result.Tables["SigninLogs"];
        for (var row = 0; row < 4; row++) Assert.Equal("50057", table.Cell(row, "ResultType"));
    }

    [DatasetFact]
    public void AzureActivityCsvLoadsAll23Rows()
    {
        var result = Load.Files(Datasets.File("azureActivity_adele.csv"));
        Assert.Empty(result.Rejections);
        Assert.Equal(23, result.RowsByTable["AzureActivity"]);
        var table = result.Tables["AzureActivity"];
        Assert.Equal("AdeleV@M365x816222.OnMicrosoft.com", table.Cell(0, "Caller"));
        Assert.Equal(new DateTime(2021, 4, 28, 14, 32, 14, 29, DateTimeKind.Utc), table.Cell(0, "TimeGenerated"));
        Assert.StartsWith("{\"scope\":", table.Dynamic(0, "Authorization_d"));
    }

    [DatasetFact]
    public void AuditLogsHuntingCsvLoadsFiveRows()
    {
        var result = Load.Files(Datasets.File("AuditLogs_Hunting.csv"));
        Assert.Empty(result.Rejections);
        Assert.Equal(5, result.RowsByTable["AuditLogs"]);
        Assert.Contains(result.Notes, n => n.Contains("keyDisplayName"));
    }

    [DatasetFact]
    public void NetFlowsCsvLoads460RowsIntoAzureNetworkAnalytics()
    {
        var result = Load.Files(Datasets.File("az_net_flows.csv"));
        Assert.Empty(result.Rejections);
        Assert.Equal(460, result.RowsByTable["AzureNetworkAnalytics_CL"]);
        var table = result.Tables["AzureNetworkAnalytics_CL"];
        Assert.Equal("AzurePublic", table.Cell(0, "FlowType_s"));
        Assert.Equal(443.0, table.Cell(0, "DestPort_d"));
        Assert.Equal(new DateTime(2019, 2, 12, 13, 0, 7, DateTimeKind.Utc), table.Cell(0, "FlowStartTime_t"));
    }

    [DatasetFact]
    public void AuditEventsJsonLinesLoadFourRows()
    {
        var result = Load.Files(Datasets.File("AADAuditEvents.json"));
        Assert.Empty(result.Rejections);
        Assert.Equal(4, result.RowsByTable["AuditLogs"]);
        var table = result.Tables["AuditLogs"];
        Assert.StartsWith("{\"user\":", table.Dynamic(0, "InitiatedBy"));
        // Rows 3 and 4 carry a projected Type ('Application', 'ServicePrincipal'); their fields say AuditLogs.
        Assert.Contains(result.Notes, n => n.Contains("Type 'Application' names no known table"));
    }

    [DatasetFact]
    public void OfficeActivitySingleObjectLoadsOneRow()
    {
        var result = Load.Files(Datasets.File("OfficeActivityEvents.json"));
        Assert.Empty(result.Rejections);
        Assert.Equal(1, result.RowsByTable["OfficeActivity"]);
    }

    [DatasetFact]
    public void RuleOutputCsvGoesToTheTableItsTypeNames()
    {
        // signinLogs.csv is the lab rule's expected output; its Type column says SigninLogs, and only IPAddress is a SigninLogs column.
        var result = Load.Files(Datasets.File("signinLogs.csv"));
        Assert.Empty(result.Rejections);
        Assert.Equal(1, result.RowsByTable["SigninLogs"]);
    }

    [DatasetFact]
    public void TimeSeriesCsvNamesNoTableAndIsRejectedRowByRowUnlessTableIsGiven()
    {
        var rejected = Load.Files(Datasets.File("TimeSeriesDemo.csv"));
        Assert.Equal(840, rejected.RejectedCount);
        Assert.Contains("no Type", rejected.Rejections[0].Reason);
        Assert.Empty(rejected.Tables);
    }

    [DatasetFact]
    public void TheWholeFolderLoadsWithOnlyTheTimeSeriesRejected()
    {
        var result = Load.Files(Datasets.Folder!);
        Assert.Equal(9, result.FilesRead);
        Assert.All(result.Rejections, r => Assert.EndsWith("TimeSeriesDemo.csv", r.File));
        Assert.Equal(56 + 4 + 1, result.RowsByTable["SigninLogs"]);
        Assert.Equal(5 + 4, result.RowsByTable["AuditLogs"]);
    }
}
