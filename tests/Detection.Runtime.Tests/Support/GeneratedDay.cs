using Detection.Generator;
using Detection.Testing;

namespace Detection.Runtime.Tests.Support;

/// <summary>One generated day (seed 1, the samples' settings) shared by the replay tests of a class.</summary>
public sealed class GeneratedDay : IDisposable
{
    private readonly TempDirectory _directory = new();

    public GeneratedDay()
    {
        SampleGenerator.Generate(new GeneratorOptions { OutputDirectory = _directory.Path, Days = 1, Seed = 1 });
        Rules = Path.Combine(_directory.Path, "rules");
        Directory.CreateDirectory(Rules);
        File.WriteAllText(Path.Combine(Rules, "spray.yaml"), SprayRule);
        File.WriteAllText(Path.Combine(Rules, "failures.yaml"), FailuresRule);
        File.WriteAllText(Path.Combine(Rules, "lockout-nrt.yaml"), NrtRule);
    }

    public string Data => _directory.Path;

    public string Rules { get; }

    public string NewStorePath() => Path.Combine(_directory.Path, $"store-{Guid.NewGuid():N}.db");

    public void Dispose() => _directory.Dispose();

    public const string SprayRule = """
        id: 11111111-1111-4111-8111-111111111111
        name: Spray from one IP
        severity: Medium
        queryFrequency: 1h
        queryPeriod: 1h
        triggerOperator: gt
        triggerThreshold: 0
        query: |
          SigninLogs
          | where ResultType == "50126"
          | summarize Accounts = dcount(UserPrincipalName) by IPAddress
          | where Accounts >= 5
        entityMappings:
          - entityType: IP
            fieldMappings:
              - identifier: Address
                columnName: IPAddress
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        incidentConfiguration:
          createIncident: true
          groupingConfiguration:
            enabled: true
            lookbackDuration: 5h
            matchingMethod: AllEntities
        """;

    public const string FailuresRule = """
        id: 22222222-2222-4222-8222-222222222222
        name: Failed sign-ins per user
        severity: Low
        queryFrequency: 30m
        queryPeriod: 2h
        triggerOperator: gt
        triggerThreshold: 0
        query: |
          SigninLogs
          | where ResultType != "0"
          | summarize Failures = count(), TimeGenerated = max(TimeGenerated) by UserPrincipalName
          | where Failures >= 3
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: UserPrincipalName
        eventGroupingSettings:
          aggregationKind: AlertPerResult
        """;

    public const string NrtRule = """
        id: 33333333-3333-4333-8333-333333333333
        name: Failed interactive sign-in (NRT)
        severity: Informational
        kind: NRT
        query: |
          SigninLogs
          | where ResultType != "0"
        entityMappings:
          - entityType: Account
            fieldMappings:
              - identifier: FullName
                columnName: UserPrincipalName
        """;
}
