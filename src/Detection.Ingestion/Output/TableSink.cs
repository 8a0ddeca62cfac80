using Detection.Kql.Symbols;
using Detection.Tables;
using Detection.Tables.Building;

namespace Detection.Ingestion.Output;

/// <summary>
/// The rows of one table under construction. Values are staged with a priority so that, when two input fields feed one
/// column (for example top-level <c>correlationId</c> and <c>properties.correlationId</c>), the more specific one wins
/// whatever their order; at equal priority the first non-null value wins. Not thread-safe.
/// </summary>
internal sealed class TableSink
{
    private static readonly Dictionary<string, string> TimeFallbacks = new(StringComparer.Ordinal)
    {
        ["SigninLogs"] = "CreatedDateTime",
        ["AADNonInteractiveUserSignInLogs"] = "CreatedDateTime",
        ["AADServicePrincipalSignInLogs"] = "CreatedDateTime",
        ["AuditLogs"] = "ActivityDateTime",
        ["AzureActivity"] = "EventSubmissionTimestamp",
        ["NTANetAnalytics"] = "FlowStartTime",
        ["AzureNetworkAnalytics_CL"] = "FlowStartTime_t",
    };

    private readonly byte[] _priority;
    private readonly KqlType[] _types;
    private readonly byte[] _nameUtf8;
    private readonly int _typeColumn;
    private readonly int _timeColumn;
    private readonly int _timeFallbackColumn;
    private DateTime? _timeFallback;

    public TableSink(TableSymbol schema)
    {
        Schema = schema;
        Builder = new TableBuilder(schema);
        _priority = new byte[schema.Columns.Length];
        _types = [.. schema.Columns.Select(c => c.Type)];
        _nameUtf8 = System.Text.Encoding.UTF8.GetBytes(schema.Name);
        _typeColumn = schema.IndexOf("Type") is var t && t >= 0 && schema.Columns[t].Type == KqlType.String ? t : -1;
        _timeColumn = schema.IndexOf("TimeGenerated") is var g && g >= 0 && schema.Columns[g].Type == KqlType.DateTime ? g : -1;
        _timeFallbackColumn = TimeFallbacks.TryGetValue(schema.Name, out var f) ? schema.IndexOf(f) : -1;
        if (_timeFallbackColumn >= 0 && schema.Columns[_timeFallbackColumn].Type != KqlType.DateTime) _timeFallbackColumn = -1;
    }

    public TableSymbol Schema { get; }

    public TableBuilder Builder { get; }

    /// <summary>Per-format caches hang here so that a column ordinal is resolved once per (table, field name).</summary>
    public Dictionary<object, object> Caches { get; } = [];

    /// <summary>Per-kind caches of the export mapping, indexed by record kind (a dictionary lookup would box the key on the hot path).</summary>
    public object?[] KindSlots { get; } = new object?[8];

    public long Rows => Builder.RowCount;

    public KqlType TypeOf(int column) => _types[column];

    /// <summary>True when a value of <paramref name="priority"/> may be staged in <paramref name="column"/>; claims it.</summary>
    public bool Claim(int column, byte priority)
    {
        if (_priority[column] >= priority) return false;
        _priority[column] = priority;
        return true;
    }

    public bool IsSet(int column) => _priority[column] != 0;


    public void StageDateTime(int column, DateTime value)
    {
        Builder.SetDateTime(column, value);
        if (column == _timeFallbackColumn) _timeFallback = value;
    }

    public void Commit()
    {
        if (_typeColumn >= 0) Builder.SetStringUtf8(_typeColumn, _nameUtf8); // the table's name, whatever the input's spelling
        if (_timeColumn >= 0 && _priority[_timeColumn] == 0 && _timeFallback is { } time) Builder.SetDateTime(_timeColumn, time);
        Builder.CommitRow();
        Reset();
    }

    public void Discard()
    {
        Builder.DiscardRow();
        Reset();
    }

    public Table Build() => Builder.Build();

    private void Reset()
    {
        Array.Clear(_priority);
        _timeFallback = null;
    }
}
