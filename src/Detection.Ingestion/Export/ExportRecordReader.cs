using System.Text.Json;
using Detection.Ingestion.Coercion;
using Detection.Ingestion.Flows;
using Detection.Ingestion.Json;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Export;

internal enum RecordStatus
{
    Done,
    NeedMore,
    Malformed,
}

/// <summary>
/// Routes each diagnostic-settings export record by its <c>category</c> to its table and maps it there; unknown categories
/// are counted and set aside, a bad record is rejected with its location, and the run goes on.
/// Sign-in, audit and activity records are mapped in place in one pass over the input buffer (the hot path); the rest
/// (flow logs, unknown categories, records whose category comes late) are first delimited, then handled whole.
/// </summary>
internal sealed class ExportRecordReader(LoadContext context, string file)
{
    private readonly RecordMapper _mapper = new(context.Scratch, context.Options.MaxFieldBytes);
    private readonly FlowRecordReader _flows = new(context, file);
    private string? _lastTable;
    private TableSink? _lastSink;

    /// <summary>A complete record (a bare record line, or one of a body read whole).</summary>
    public void Process(ReadOnlyMemory<byte> record, long line, long index)
    {
        switch (Read(record.Span, isFinal: true, line, index, out _, out var error))
        {
            case RecordStatus.Malformed:
                context.Reject(file, line, index, $"malformed JSON: {Message(error)}", record.Span);
                break;
            case RecordStatus.NeedMore:
                context.Reject(file, line, index, "the record is incomplete", record.Span);
                break;
        }
    }

    /// <summary>
    /// Reads the record at the start of <paramref name="input"/>; <see cref="RecordStatus.NeedMore"/> when the input
    /// (not <paramref name="isFinal"/>) ends inside it, and nothing was kept: call again with more bytes.
    /// </summary>
    public RecordStatus Read(ReadOnlySpan<byte> input, bool isFinal, long line, long index, out int consumed, out JsonException? malformed)
    {
        // A reader over a final block skips the per-token rollback bookkeeping of partial input, and nearly every record
        // ends inside the buffer: read it as final first. A record cut by the buffer's end then fails (nothing is kept)
        // and is read again as partial input, which happens about once per buffer refill.
        if (!isFinal && ReadOnce(input, isFinal: true, line, index, out consumed, out malformed) == RecordStatus.Done)
            return RecordStatus.Done;
        return ReadOnce(input, isFinal, line, index, out consumed, out malformed);
    }

    private RecordStatus ReadOnce(ReadOnlySpan<byte> input, bool isFinal, long line, long index, out int consumed, out JsonException? malformed)
    {
        consumed = 0;
        malformed = null;
        TableSink? staged = null;
        try
        {
            var found = FindCategory(input, isFinal, out var category);
            if (found == null) return RecordStatus.NeedMore;
            if (found == true && Categories.TryRoute(input.Slice(category.Start, category.Length), out var route)
                && route.Kind is RecordKind.SignIn or RecordKind.Audit or RecordKind.Activity
                && SinkFor(route.Table) is { } sink)
            {
                staged = sink;
                var status = _mapper.Map(input, isFinal, staged, FieldMap.For(staged, route.Kind), out consumed, out var error);
                if (status == MapStatus.Ok)
                {
                    staged.Commit();
                    return RecordStatus.Done;
                }
                staged.Discard();
                staged = null;
                if (status == MapStatus.NeedMore) return RecordStatus.NeedMore;
                if (!JsonFraming.TryComplete(input, isFinal, out consumed, out malformed))
                    return malformed is null ? RecordStatus.NeedMore : RecordStatus.Malformed;
                context.Reject(file, line, index, $"{route.Table} record: {error}", input[..consumed], route.Table);
                return RecordStatus.Done;
            }
            if (!JsonFraming.TryComplete(input, isFinal, out consumed, out malformed))
                return malformed is null ? RecordStatus.NeedMore : RecordStatus.Malformed;
            ProcessWhole(input[..consumed], line, index);
            return RecordStatus.Done;
        }
        catch (JsonException ex)
        {
            staged?.Discard();
            malformed = ex;
            return RecordStatus.Malformed;
        }
    }

    /// <summary>The sink of a routed table; consecutive records mostly share one, so the last is remembered.</summary>
    private TableSink? SinkFor(string table)
    {
        if (ReferenceEquals(table, _lastTable)) return _lastSink;
        _lastSink = context.Options.Schemas.Table(table) is { } schema ? context.Sink(schema) : null;
        _lastTable = table;
        return _lastSink;
    }

    private void ProcessWhole(ReadOnlySpan<byte> record, long line, long index)
    {
        var probe = RecordProbe.Of(record);
        if (!probe.IsObject)
        {
            context.Reject(file, line, index, "the record is not a JSON object", record);
            return;
        }
        var category = probe.Category ?? probe.Type ?? "";
        var properties = (probe.PropertiesStart, probe.PropertiesLength);
        var copy = record.ToArray();
        if (!Categories.TryResolve(category, probe.ResourceId, () => HasEventCategory(copy, properties), out var route))
        {
            context.SkipCategory(category, file, line, index, record);
            return;
        }
        var table = context.Options.Schemas.Table(route.Table);
        if (table is null)
        {
            context.Reject(file, line, index, $"category '{category}' maps to table {route.Table}, which the schemas do not define", record);
            return;
        }
        var sink = context.Sink(table);
        if (route.Kind is RecordKind.NsgFlow or RecordKind.VnetFlow)
        {
            _flows.Process(copy, sink, route.Kind == RecordKind.VnetFlow, line, index);
            return;
        }
        var status = _mapper.Map(record, isFinal: true, sink, FieldMap.For(sink, route.Kind), out _, out var error);
        if (status == MapStatus.Ok)
        {
            sink.Commit();
            return;
        }
        sink.Discard();
        context.Reject(file, line, index, $"{route.Table} record: {error}", record);
    }

    /// <summary>Finds the top-level <c>category</c> string, reading no further: true found, false absent, null need more input.</summary>
    private static bool? FindCategory(ReadOnlySpan<byte> input, bool isFinal, out (int Start, int Length) category)
    {
        category = default;
        var reader = new Utf8JsonReader(input, isFinal, state: default);
        if (!reader.Read()) return null;
        if (reader.TokenType != JsonTokenType.StartObject) return false;
        while (true)
        {
            if (!reader.Read()) return null;
            if (reader.TokenType != JsonTokenType.PropertyName) return false;
            var isCategory = RecordProbe.Is(reader.ValueSpan, "category"u8);
            if (!reader.Read()) return null;
            if (isCategory)
            {
                if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped) return false;
                category = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                return true;
            }
            if (!JsonValue.TrySkip(ref reader)) return null;
        }
    }

    private static bool HasEventCategory(byte[] record, (int Start, int Length) properties) =>
        new RecordProbe { PropertiesStart = properties.Start, PropertiesLength = properties.Length }
            .PropertiesHave(record, "eventCategory"u8);

    public static string Message(JsonException? ex)
    {
        if (ex is null) return "";
        var message = ex.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (cut > 0 ? message[..cut] : message).TrimEnd('.');
    }
}
