namespace Detection.Generator;

/// <summary>What a run wrote: rows per Log Analytics table, files, scenario instances. Mirrors manifest.json.</summary>
public sealed class GenerationSummary
{
    /// <summary>Rows each Log Analytics table gets from the output (flow tables: one row per flow tuple), in a fixed order.</summary>
    public required IReadOnlyList<KeyValuePair<string, long>> Tables { get; init; }

    /// <summary>Files written, relative to the output directory, with '/' separators.</summary>
    public required IReadOnlyList<GeneratedFile> Files { get; init; }

    public required int ScenarioInstances { get; init; }

    public long TotalBytes => Files.Sum(f => f.Bytes);
}

/// <summary>
/// One output file. <see cref="Messages"/> is the number of Event Hubs bodies (lines) for export files and 1 for a
/// flow-log blob; <see cref="Rows"/> is records for export files and flow tuples for flow-log blobs.
/// </summary>
public sealed record GeneratedFile(string Path, string Category, string Table, DateOnly Day, int Messages, int Records, long Rows, long Bytes);
