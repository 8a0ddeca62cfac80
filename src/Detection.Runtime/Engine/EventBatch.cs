using Detection.Tables;

namespace Detection.Runtime.Engine;

/// <summary>
/// Rows of one table that arrived together (a message body, a file slice, a test event group). Its rows may be in any
/// time order; the engine sorts each chunk by TimeGenerated.
/// </summary>
public sealed record EventBatch(Table Rows)
{
    public string Table => Rows.Name;
}
