using Detection.Kql.Schemas;

namespace Detection.Ingestion;

/// <summary>How <see cref="DataLoader.Load"/> reads its inputs. Immutable; safe to share.</summary>
public sealed record LoadOptions
{
    /// <summary>The tables rows are mapped to (the <c>--schemas DIR</c> option extends the embedded default).</summary>
    public SchemaSet Schemas { get; init; } = SchemaSet.Default;

    /// <summary>The table of Log Analytics rows that carry no <c>Type</c> (the <c>--table</c> option).</summary>
    public string? Table { get; init; }

    /// <summary>Where rejected records are written, one JSON object per line; null writes no file.</summary>
    public string? RejectedFile { get; init; }

    /// <summary>A single field (string, object or array) longer than this many bytes rejects its record.</summary>
    public int MaxFieldBytes { get; init; } = 1 << 20;

    /// <summary>A single record (or CSV row) longer than this many bytes is rejected without being buffered further.</summary>
    public int MaxRecordBytes { get; init; } = 64 << 20;

    /// <summary>Rejections kept in <see cref="LoadResult.Rejections"/>; all of them still go to <see cref="RejectedFile"/> and the count.</summary>
    public int MaxRejectionsKept { get; init; } = 10_000;

    /// <summary>Raw text of a rejected record is written to the rejected file when it is at most this many bytes.</summary>
    public int MaxRawBytesInRejection { get; init; } = 16 << 10;

    /// <summary>
    /// Threads that read files at once in <see cref="DataLoader.Load(IEnumerable{string}, LoadOptions)"/>; 1 reads them one
    /// after another on the calling thread. Whatever the number, the result and the rejected file are those of a sequential load.
    /// </summary>
    public int Parallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>
    /// False reads every export record with <see cref="System.Text.Json.Utf8JsonReader"/> only: the reference the hot path's
    /// scanner is tested against.
    /// </summary>
    internal bool ScanExportRecords { get; init; } = true;
}
