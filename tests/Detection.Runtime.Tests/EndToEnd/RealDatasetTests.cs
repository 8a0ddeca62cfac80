using System.Globalization;
using System.Text.Json.Nodes;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Ingestion;
using Detection.Runtime.Replay;
using Detection.Runtime.Tests.Support;
using Detection.Testing;

namespace Detection.Runtime.Tests.EndToEnd;

/// <summary>
/// Issue #6: the rule pack on the public captures of ../shared/datasets (INDEX.md there) raises what their authors
/// documented, and nothing else.
/// </summary>
public sealed class RealDatasetTests
{
    private const string LabIp = "175.45.176.99";

    [DatasetFact]
    public void Training_lab_disabled_account_attempts_then_sign_ins_and_the_deletions_are_raised()
    {
        using var dir = new TempDirectory();
        var signIns = Dataset("sign-in_adelete.csv");
        var attempts = TimedDisabledAccountAttempts(signIns, dir.File("disable_accounts.jsonl"));

        var alerts = Replay(dir, signIns, attempts, Dataset("azureActivity_adele.csv"));

        Assert.Equal(["DisabledAccountSignInAttempts", "ResourceDeletionBurst"], alerts.Select(a => a.Rule).Distinct().Order());
        var disabled = Assert.Single(alerts, a => a.Rule == "DisabledAccountSignInAttempts").Alert;
        Assert.True(Names(disabled, LabIp) && Names(disabled, "johns@m365x816222.onmicrosoft.com"), string.Join(", ", disabled.Entities));
        Assert.Contains("4", disabled.CustomDetails["Attempts"]);
        Assert.Contains("adelev@m365x816222.onmicrosoft.com", disabled.CustomDetails["SuccessfulAccounts"]);
        var deletions = Assert.Single(alerts, a => a.Rule == "ResourceDeletionBurst").Alert;
        Assert.True(Names(deletions, "AdeleV@M365x816222.OnMicrosoft.com") && Names(deletions, "37.142.150.162"), string.Join(", ", deletions.Entities));
        Assert.Contains("2", deletions.CustomDetails["KeyVaultsDeleted"]);
    }

    [DatasetFact]
    public void Golden_saml_consent_grant_and_credential_added_to_the_application_are_raised()
    {
        using var dir = new TempDirectory();

        var alerts = Replay(dir, Dataset("AADAuditEvents.json"));

        Assert.Equal(["ConsentGrantToApplication", "CredentialAddedToApplication"], alerts.Select(a => a.Rule).Order());
        var consent = alerts.Single(a => a.Rule == "ConsentGrantToApplication").Alert;
        Assert.True(Names(consent, "pgustavo@simulandlabs.com"), string.Join(", ", consent.Entities));
        Assert.Contains("Mail.ReadWrite", consent.CustomDetails["HighRiskScopes"]);
        var credential = alerts.Single(a => a.Rule == "CredentialAddedToApplication").Alert;
        Assert.True(Names(credential, "pgustavo@simulandlabs.com") && Names(credential, "SimuLandApp"), string.Join(", ", credential.Entities));
        Assert.Contains("SimuLandCreds", credential.CustomDetails["KeyNames"]);
    }

    private static string Dataset(string name) => Path.Combine(Repository.Datasets!, name);

    private static List<(string Rule, Alert Alert)> Replay(TempDirectory dir, params string[] files)
    {
        var storePath = dir.File("detection.db");
        using var store = SqliteIncidentStore.Open(storePath);
        var result = ReplayJob.Run(new ReplayRequest { DataPaths = files, RulePaths = [Repository.Detections], StorePath = storePath }, store);
        Assert.Equal(0, result.Load.RejectedCount);
        var fileOf = result.Rules.Rules.ToDictionary(r => r.Id, r => Path.GetFileNameWithoutExtension(r.Rule.File));
        return result.Recorder.Alerts.Select(a => (fileOf[a.RuleId], a)).ToList();
    }

    /// <summary>
    /// disable_accounts.csv has no time column (its authors removed it); the lab's ingestion script stamps every row
    /// with the time it posts the files, together. We give the four attempts that shared time as one-minute steps
    /// ending just before the first sign-in from the same address in sign-in_adelete.csv, the order the lab tells
    /// ("failed logins to disabled accounts", then the analyst finds the address's successful logins), and write them
    /// as Log Analytics rows with every other column unchanged.
    /// </summary>
    private static string TimedDisabledAccountAttempts(string signInsFile, string output)
    {
        var signIns = DataLoader.Load([signInsFile], new LoadOptions()).Tables["SigninLogs"];
        var firstSignIn = Enumerable.Range(0, (int)signIns.RowCount)
            .Where(row => Equals(signIns.GetValue(row, signIns.Schema.IndexOf("IPAddress")), LabIp))
            .Min(row => (DateTime)signIns.GetValue(row, signIns.Schema.IndexOf("TimeGenerated"))!);
        var attempts = DataLoader.Load([Dataset("disable_accounts.csv")], new LoadOptions()).Tables["SigninLogs"];
        var lines = new List<string>();
        for (var row = 0; row < attempts.RowCount; row++)
        {
            var json = new JsonObject { ["Type"] = "SigninLogs" };
            for (var column = 0; column < attempts.Schema.Columns.Length; column++)
            {
                if (attempts.GetValue(row, column) is not { } value) continue;
                json[attempts.Schema.Columns[column].Name] = value switch
                {
                    JsonNode node => node.DeepClone(),
                    DateTime time => time.ToString("o", CultureInfo.InvariantCulture),
                    _ => System.Text.Json.JsonSerializer.SerializeToNode(value, value.GetType()),
                };
            }
            json["TimeGenerated"] = firstSignIn.AddMinutes(row - attempts.RowCount).ToString("o", CultureInfo.InvariantCulture);
            lines.Add(json.ToJsonString());
        }
        File.WriteAllLines(output, lines);
        return output;
    }

    private static bool Names(Alert alert, string value) =>
        alert.Entities.Any(e => e.Properties.Values.Any(v => string.Equals(v, value, StringComparison.OrdinalIgnoreCase)));
}
