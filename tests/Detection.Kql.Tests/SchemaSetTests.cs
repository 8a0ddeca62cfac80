using Detection.Testing;
using Detection.Kql.Schemas;
using Detection.Kql.Symbols;

namespace Detection.Kql.Tests;

public class SchemaSetTests
{
    [Theory]
    [InlineData("SigninLogs", "ResultType", KqlType.String)]
    [InlineData("SigninLogs", "LocationDetails", KqlType.Dynamic)]
    [InlineData("AADNonInteractiveUserSignInLogs", "LocationDetails", KqlType.String)]
    [InlineData("AuditLogs", "TargetResources", KqlType.Dynamic)]
    [InlineData("AzureActivity", "OperationNameValue", KqlType.String)]
    [InlineData("AzureNetworkAnalytics_CL", "DestPort_d", KqlType.Real)]
    [InlineData("NTANetAnalytics", "DestPort", KqlType.Int)]
    [InlineData("AADManagedIdentitySignInLogs", "TimeGenerated", KqlType.DateTime)]
    public void The_embedded_default_has_the_ingested_tables_with_their_Log_Analytics_types(string table, string column, KqlType type)
    {
        var symbol = SchemaSet.Default.Table(table);
        Assert.NotNull(symbol);
        Assert.Equal(type, symbol.Column(column)?.Type);
    }

    [Fact]
    public void A_schemas_folder_adds_a_custom_table_and_overrides_an_embedded_one()
    {
        using var dir = new TempDirectory();
        File.WriteAllText(Path.Combine(dir.Path, "custom.json"),
            """{"name": "MyApp_CL", "columns": [{"name": "TimeGenerated", "type": "datetime"}, {"name": "User_s", "type": "string"}]}""");
        File.WriteAllText(Path.Combine(dir.Path, "signin.json"),
            """{"name": "SigninLogs", "columns": [{"name": "TimeGenerated", "type": "datetime"}]}""");

        var set = SchemaSet.Default.WithDirectory(dir.Path);

        Assert.Equal(KqlType.String, set.Table("MyApp_CL")!.Column("User_s")!.Type);
        Assert.Single(set.Table("SigninLogs")!.Columns);
        Assert.Equal(98, SchemaSet.Default.Table("SigninLogs")!.Columns.Length);
    }

    [Fact]
    public void A_bad_schema_file_is_reported_with_its_name_and_the_problem()
    {
        using var dir = new TempDirectory();
        var path = Path.Combine(dir.Path, "bad.json");
        File.WriteAllText(path, """{"name": "X_CL", "columns": [{"name": "A", "type": "strng"}]}""");

        var error = Assert.Throws<SchemaFormatException>(() => SchemaSet.Empty.WithDirectory(dir.Path));

        Assert.Equal(path, error.Origin);
        Assert.Contains("strng", error.Message);
    }

    [Fact]
    public void The_terse_form_declares_a_table()
    {
        var table = TableSymbol.FromTerse("T", "(TimeGenerated: datetime, UserPrincipalName: string, Count: long)");
        Assert.Equal(["TimeGenerated", "UserPrincipalName", "Count"], table.Columns.Select(c => c.Name));
        Assert.Equal(KqlType.Long, table.Columns[2].Type);
    }
}
