using Detection.Generator.Tests.Support;

namespace Detection.Generator.Tests;

/// <summary>The labelled role-management scenarios are in AuditLogs as Sentinel's rules expect them.</summary>
[Collection(SampleCollection.Name)]
public sealed class DirectoryScenarioTests(SampleFixture sample)
{
    private GeneratedOutput Output => sample.Output;

    private List<ExportRecord> Audits(Label label) => Output.Records.Where(r => r.Category == "AuditLogs" && label.Covers(r.Time)).ToList();

    private static string Operation(ExportRecord r) => r.Json.GetProperty("operationName").GetString()!;

    private static IEnumerable<string?> TargetUpns(ExportRecord r) =>
        r.Properties.GetProperty("targetResources").EnumerateArray()
            .Select(t => t.TryGetProperty("userPrincipalName", out var u) ? u.GetString() : null);

    [Fact]
    public void Role_assigned_outside_PIM_is_a_core_directory_add_by_a_user()
    {
        foreach (var label in Label.Named(Output, "role-assigned-outside-pim"))
        {
            var record = Assert.Single(Audits(label), r => Operation(r) == "Add member to role");
            Assert.Equal("Core Directory", record.Prop("loggedByService"));
            Assert.Equal("RoleManagement", record.Prop("category"));
            Assert.NotEqual("MS-PIM", record.Json.GetProperty("identity").GetString());
            Assert.Equal(label.Entity("initiators"),
                record.Properties.GetProperty("initiatedBy").GetProperty("user").GetProperty("userPrincipalName").GetString());
            Assert.Contains(label.Entity("targets"), TargetUpns(record));
            var role = record.Properties.GetProperty("targetResources")[0].GetProperty("modifiedProperties")[1];
            Assert.Equal("Role.DisplayName", role.GetProperty("displayName").GetString());
            Assert.Equal($"\"{label.Entity("roles")}\"", role.GetProperty("newValue").GetString());
        }
    }

    [Fact]
    public void Core_directory_role_adds_outside_the_labels_are_written_by_MS_PIM()
    {
        var labels = Label.All(Output).Where(l => l.Name == "role-assigned-outside-pim").ToList();
        var adds = Output.Records.Where(r => r.Category == "AuditLogs" && Operation(r) == "Add member to role" && !labels.Any(l => l.Covers(r.Time))).ToList();
        Assert.NotEmpty(adds);
        Assert.All(adds, r => Assert.Equal("MS-PIM", r.Json.GetProperty("identity").GetString()));
    }

    [Fact]
    public void Permanent_PIM_assignment_is_logged_by_PIM()
    {
        var operations = new List<string>();
        foreach (var label in Label.Named(Output, "permanent-pim-assignment"))
        {
            var record = Assert.Single(Audits(label), r => Operation(r).EndsWith("completed (permanent)", StringComparison.Ordinal));
            Assert.Equal("PIM", record.Prop("loggedByService"));
            Assert.Contains(label.Entity("targets"), TargetUpns(record));
            operations.Add(Operation(record));
        }
        Assert.Contains("Add member to role in PIM completed (permanent)", operations);
        Assert.Contains("Add eligible member to role in PIM completed (permanent)", operations);
    }

    [Fact]
    public void Night_activation_happens_in_the_small_hours_without_approval()
    {
        foreach (var label in Label.Named(Output, "pim-activation-at-night"))
        {
            Assert.InRange(label.Detail("localHour"), 0, 5);
            var audits = Audits(label);
            var completed = Assert.Single(audits, r => Operation(r) == "Add member to role completed (PIM activation)");
            Assert.Contains(label.Entity("accounts"), TargetUpns(completed));
            Assert.DoesNotContain(audits, r => Operation(r).Contains("approv", StringComparison.Ordinal)
                && r.Json.GetProperty("correlationId").GetString() == completed.Json.GetProperty("correlationId").GetString());
            Assert.Contains(Output.SignIns, r => r.Upn == label.Entity("accounts") && label.Covers(r.Time) && r.ErrorCode == 0);
        }
    }

    [Fact]
    public void Service_account_is_put_in_a_privileged_role()
    {
        foreach (var label in Label.Named(Output, "service-account-privileged-role"))
        {
            var account = label.Entity("targets");
            Assert.StartsWith("svc-", account, StringComparison.Ordinal);
            var record = Assert.Single(Audits(label), r => Operation(r) == "Add member to role in PIM completed (timebound)");
            Assert.Contains(account, TargetUpns(record));
            Assert.Equal("Global Administrator", record.Properties.GetProperty("targetResources")[0].GetProperty("displayName").GetString());
        }
    }
}
