using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Detection.Runtime.Testing;

/// <summary>A <c>&lt;rule&gt;.tests.yaml</c>: the rule file it tests and its cases (README.md, "Rule tests").</summary>
public sealed record RuleTestFile(string File, string RuleFile, ImmutableArray<RuleTestCase> Cases);

/// <summary>One case: the events in (inline rows and data files), an optional range, and what is expected out.</summary>
public sealed record RuleTestCase
{
    public required string Name { get; init; }

    public DateTime? From { get; init; }

    public DateTime? To { get; init; }

    public ImmutableArray<TestEvent> Events { get; init; } = [];

    /// <summary>Data files (any supported format), resolved against the tests file's folder.</summary>
    public ImmutableArray<string> Files { get; init; } = [];

    public required RuleTestExpectation Expect { get; init; }

    /// <summary>The 1-based line of the case in its file, for messages.</summary>
    public int Line { get; init; }
}

/// <summary>An inline Log Analytics row (with its <c>Type</c>) and when it arrives; null arrival = at its TimeGenerated.</summary>
public sealed record TestEvent(JsonObject Row, DateTime? Arrival);

/// <summary>What a case expects: exact alert (and incident) counts, entities and custom detail values that must appear.</summary>
public sealed record RuleTestExpectation
{
    public int? Alerts { get; init; }

    public int? Incidents { get; init; }

    /// <summary>Each: an entity type and identifier values an alert entity must have (case-insensitive).</summary>
    public ImmutableArray<ImmutableDictionary<string, string>> Entities { get; init; } = [];

    public ImmutableDictionary<string, ImmutableArray<string>> CustomDetails { get; init; } = ImmutableDictionary<string, ImmutableArray<string>>.Empty;
}
