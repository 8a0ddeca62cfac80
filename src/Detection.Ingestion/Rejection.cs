namespace Detection.Ingestion;

/// <summary>
/// A record set aside: the file, the 1-based line where it starts (when the format has lines), the 1-based index of the
/// record in the file (export records, rows, flow tuples count separately per file), and why.
/// </summary>
public sealed record Rejection(string File, long? Line, long? Record, string Reason)
{
    /// <summary>The table the record was meant for, when the reader knew it before rejecting the record.</summary>
    public string? Table { get; init; }

    public override string ToString() =>
        $"{File}{(Line is { } l ? $":{l}" : "")}{(Record is { } r ? $" (record {r})" : "")}: {Reason}";
}
