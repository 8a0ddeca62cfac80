using System.Collections.Immutable;
using Detection.Incidents.Model;

namespace Detection.Incidents.Tests.Support;

/// <summary>Alerts made directly, for grouping tests.</summary>
internal static class TestAlerts
{
    private static int _counter;

    public static Alert Make(DateTime time, string[]? users = null, string ruleId = "rule-1", Severity severity = Severity.Medium,
        string name = "Brute force", IReadOnlyDictionary<string, string[]>? custom = null, string[]? ips = null) => new()
    {
        Id = ContentIds.From("test-alert", ruleId, Times.Write(time), Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture)),
        RuleId = ruleId,
        RuleName = "Brute force",
        DisplayName = name,
        Severity = severity,
        Time = time,
        StartTime = time.AddMinutes(-30),
        EndTime = time.AddMinutes(-1),
        Entities = (users ?? []).Select(u => Account(u)).Concat((ips ?? []).Select(Ip)).ToImmutableArray(),
        CustomDetails = (custom ?? new Dictionary<string, string[]>())
            .ToImmutableSortedDictionary(p => p.Key, p => p.Value.ToImmutableArray(), StringComparer.Ordinal),
        RowCount = 1,
    };

    public static Entity Account(string fullName) => new("Account", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("FullName", fullName)]));

    public static Entity Ip(string address) => new("IP", ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("Address", address)]));
}
