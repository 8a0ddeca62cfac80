using System.Text;
using System.Text.Json;
using Detection.Ingestion.Coercion;
using Detection.Kql.Symbols;
using Detection.Tables;

namespace Detection.Ingestion.Output;

/// <summary>Everything one load accumulates: the table sinks, the rejections (and the rejected-records file), notes and counts.</summary>
internal sealed class LoadContext : IDisposable
{
    private readonly Dictionary<string, TableSink> _sinks = new(StringComparer.Ordinal);
    private readonly List<Rejection> _rejections = [];
    private readonly Dictionary<string, long> _skippedByCategory = new(StringComparer.Ordinal);
    private readonly List<string> _notes = [];
    private readonly Dictionary<string, long> _rejectedByTable = new(StringComparer.Ordinal);
    private readonly HashSet<string> _noteSet = new(StringComparer.Ordinal);
    private FileStream? _rejectedStream;
    private Utf8JsonWriter? _rejectedWriter;
    private long _rejectedCount;

    public LoadContext(LoadOptions options) => Options = options;

    public LoadOptions Options { get; }

    public ScratchSet Scratch { get; } = new();

    public int FilesRead { get; set; }

    public TableSink Sink(TableSymbol table)
    {
        if (!_sinks.TryGetValue(table.Name, out var sink))
        {
            sink = new TableSink(table);
            _sinks.Add(table.Name, sink);
        }
        return sink;
    }

    public void Reject(string file, long? line, long? record, string reason, ReadOnlySpan<byte> raw = default, string? table = null)
    {
        _rejectedCount++;
        if (table is not null) _rejectedByTable[table] = _rejectedByTable.GetValueOrDefault(table) + 1;
        var rejection = new Rejection(file, line, record, reason) { Table = table };
        if (_rejections.Count < Options.MaxRejectionsKept) _rejections.Add(rejection);
        if (Options.RejectedFile is null) return;
        if (_rejectedWriter is null)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(Options.RejectedFile));
            if (folder is not null) Directory.CreateDirectory(folder);
            _rejectedStream = new FileStream(Options.RejectedFile, FileMode.Create, FileAccess.Write, FileShare.Read);
            _rejectedWriter = new Utf8JsonWriter(_rejectedStream, new JsonWriterOptions { Indented = false, SkipValidation = true });
        }
        var w = _rejectedWriter;
        w.WriteStartObject();
        w.WriteString("file", file);
        if (line is { } l) w.WriteNumber("line", l);
        if (record is { } r) w.WriteNumber("record", r);
        w.WriteString("reason", reason);
        if (!raw.IsEmpty && raw.Length <= Options.MaxRawBytesInRejection) w.WriteString("raw", Encoding.UTF8.GetString(raw));
        w.WriteEndObject();
        w.Flush();
        _rejectedStream!.WriteByte((byte)'\n');
        w.Reset();
    }

    public void SkipCategory(string category, string file, long? line, long? record, ReadOnlySpan<byte> raw)
    {
        _skippedByCategory[category] = _skippedByCategory.GetValueOrDefault(category) + 1;
        Reject(file, line, record, category.Length == 0 ? "the record has no category (skipped)" : $"unknown category '{category}' (skipped)", raw);
    }

    public void Note(string note)
    {
        if (_noteSet.Add(note)) _notes.Add(note);
    }

    public LoadResult Finish()
    {
        var tables = new Dictionary<string, Table>(StringComparer.Ordinal);
        foreach (var (name, sink) in _sinks.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            if (sink.Rows > 0) tables[name] = sink.Build();
        }
        Dispose();
        return new LoadResult(tables, _rejections, _rejectedCount, _skippedByCategory, _notes, FilesRead) { RejectedByTable = _rejectedByTable };
    }

    public void Dispose()
    {
        _rejectedWriter?.Dispose();
        _rejectedStream?.Dispose();
        _rejectedWriter = null;
        _rejectedStream = null;
    }
}
