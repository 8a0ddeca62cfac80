using Detection.Ingestion.Rows;
using Detection.Kql.Schemas;

namespace Detection.Ingestion.Tests.Rows;

public sealed class ColumnResolverTests
{
    private static string? Resolve(string table, string header)
    {
        var schema = SchemaSet.Default.Table(table)!;
        var target = ColumnResolver.Resolve(schema, header);
        return target.Column < 0 ? null : schema.Columns[target.Column].Name;
    }

    [Theory]
    [InlineData("SigninLogs", "TimeGenerated [UTC]", "TimeGenerated")]
    [InlineData("SigninLogs", "userprincipalname", "UserPrincipalName")]
    [InlineData("SigninLogs", "Status_dynamic", "Status")]
    [InlineData("SigninLogs", "Status_string", "Status")]
    [InlineData("AzureNetworkAnalytics_CL", "FlowType", "FlowType_s")]
    [InlineData("AzureNetworkAnalytics_CL", "DestPort", "DestPort_d")]
    [InlineData("AzureNetworkAnalytics_CL", "FlowStartTime", "FlowStartTime_t")]
    [InlineData("NTANetAnalytics", "SrcIp_s", "SrcIp")]
    [InlineData("AzureActivity", "Authorization_d", "Authorization_d")]
    [InlineData("SigninLogs", "", null)]
    [InlineData("SigninLogs", "keyDisplayName", null)]
    public void FindsTheColumnAHeaderNames(string table, string header, string? column) => Assert.Equal(column, Resolve(table, header));

    [Theory]
    [InlineData("signinLogs.csv", "SigninLogs")]
    [InlineData("SigninLogs-2024-05.jsonl.gz", "SigninLogs")]
    [InlineData("azureActivity_adele.csv", "AzureActivity")]
    [InlineData("AuditLogs_Hunting.csv", "AuditLogs")]
    [InlineData("AADNonInteractiveUserSignInLogs.json", "AADNonInteractiveUserSignInLogs")]
    [InlineData("sign-in_adelete.csv", null)]
    [InlineData("az_net_flows.csv", null)]
    public void TheFileNameNamesATableByPrefix(string file, string? table) =>
        Assert.Equal(table, TableNames.FromFileName(SchemaSet.Default, file)?.Name);
}
