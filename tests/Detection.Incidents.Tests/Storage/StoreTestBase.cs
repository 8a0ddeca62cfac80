using Detection.Incidents.Alerts;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Incidents.Tests.Support;
using Microsoft.Data.Sqlite;
using static Detection.Incidents.Tests.Support.TestTables;

namespace Detection.Incidents.Tests.Storage;

/// <summary>A temp store and a rule whose runs make one alert of two Key Vault reads: shared by the store tests.</summary>
public abstract class StoreTestBase : IDisposable
{
    private protected TempStore Temp { get; } = new();

    public void Dispose() => Temp.Dispose();

    protected static readonly string Rule = """
        id: r-1
        name: Mass secret reads
        kind: Scheduled
        severity: High
        queryFrequency: 1h
        queryPeriod: 1h
        tactics: [CredentialAccess]
        relevantTechniques: [T1552]
        query: AzureActivity
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: Caller
          - entityType: AzureResource
            fieldMappings:
              - identifier: ResourceId
                columnName: ResourceId
        customDetails:
          Reads: Count
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: true
            lookbackDuration: 5h
            matchingMethod: AllEntities
        """;

    private protected static IReadOnlyList<Alert> Alerts(int hour) => AlertFactory.Create(TestRules.Load(Rule), new RuleRun(At(hour), At(hour - 1)),
        Build("(TimeGenerated: datetime, Caller: string, ResourceId: string, Count: long, EventDataId: string)",
            [At(hour - 1, 10), "eve@contoso.com", "/subscriptions/s/vaults/kv1", 250L, "ev-1"],
            [At(hour - 1, 40), "eve@contoso.com", "/subscriptions/s/vaults/kv1", 90L, "ev-2"]));

    protected void Process(int hour) => new IncidentGrouper(Temp.Store).Process(TestRules.Load(Rule), Alerts(hour));

    protected static string Json(Incident incident) => IncidentJson.Incident(incident).ToJsonString();
}
