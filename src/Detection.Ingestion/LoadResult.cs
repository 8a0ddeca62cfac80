using Detection.Tables;

namespace Detection.Ingestion;

/// <summary>What a load produced: one table per table name that received rows, and what was set aside.</summary>
public sealed class LoadResult
{
    internal LoadResult(
        IReadOnlyDictionary<string, Table> tables,
        IReadOnlyList<Rejection> rejections,
        long rejectedCount,
        IReadOnlyDictionary<string, long> skippedByCategory,
        IReadOnlyList<string> notes,
        int filesRead)
    {
        Tables = tables;
        Rejections = rejections;
        RejectedCount = rejectedCount;
        SkippedByCategory = skippedByCategory;
        Notes = notes;
        FilesRead = filesRead;
        RowsByTable = tables.ToDictionary(t => t.Key, t => t.Value.RowCount, StringComparer.Ordinal);
        SkippedUnknownCategory = skippedByCategory.Values.Sum();
    }

    /// <summary>The loaded tables by table name (only tables that received at least one row).</summary>
    public IReadOnlyDictionary<string, Table> Tables { get; }

    /// <summary>Rejected records, in input order, at most <see cref="LoadOptions.MaxRejectionsKept"/> of them.</summary>
    public IReadOnlyList<Rejection> Rejections { get; }

    /// <summary>Every rejected record, including those beyond the kept list (unknown categories included).</summary>
    public long RejectedCount { get; }

    public IReadOnlyDictionary<string, long> RowsByTable { get; }

    /// <summary>Rejected records per table, for records whose table was known when they were rejected (a bad field of a mapped record, a bad flow tuple).</summary>
    public IReadOnlyDictionary<string, long> RejectedByTable { get; internal init; } = new Dictionary<string, long>();

    /// <summary>Export records skipped because their category maps to no table (also listed as rejections).</summary>
    public long SkippedUnknownCategory { get; }

    /// <summary>The skipped export records per category name as it appeared on the wire.</summary>
    public IReadOnlyDictionary<string, long> SkippedByCategory { get; }

    /// <summary>Things worth knowing that are not errors, e.g. fields with no column in the table, or how a table was chosen.</summary>
    public IReadOnlyList<string> Notes { get; }

    public int FilesRead { get; }

    public long TotalRows => RowsByTable.Values.Sum();
}
