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
    private PredictedRoute? _predicted;

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
        malformed = null;
        consumed = 0;
        switch (context.Options.ScanExportRecords ? ReadScanned(input, isFinal, out consumed) : MapStatus.Declined)
        {
            case MapStatus.Ok:
                return RecordStatus.Done;
            case MapStatus.NeedMore:
                return RecordStatus.NeedMore;
        }
        // A reader over a final block skips the per-token rollback bookkeeping of partial input, and nearly every record
        // ends inside the buffer: read it as final first. A record cut by the buffer's end then fails (nothing is kept)
        // and is read again as partial input, which happens about once per buffer refill.
        if (!isFinal && ReadOnce(input, isFinal: true, line, index, out consumed, out malformed) == RecordStatus.Done)
            return RecordStatus.Done;
        return ReadOnce(input, isFinal, line, index, out consumed, out malformed);
    }

    /// <summary>
    /// The hot path: a sign-in, audit or activity record mapped with the <see cref="JsonScanner"/>. Anything but a mapped
    /// record or a need for more input (the scanner declined, a value is bad, another kind of record) leaves nothing staged,
    /// and the record is read again with <see cref="Utf8JsonReader"/>, which has the last word.
    /// </summary>
    private MapStatus ReadScanned(ReadOnlySpan<byte> input, bool isFinal, out int consumed)
    {
        // Records of a body mostly share their category: map with the last one's route, checking the category on the way,
        // rather than look for it first.
        if (_predicted is { } predicted)
        {
            var mapped = MapScanned(input, isFinal, predicted, out consumed);
            if (mapped != MapStatus.OtherRoute) return mapped;
        }
        var found = FindCategory(input, out var category);
        consumed = 0;
        if (found != ScanStatus.Ok) return found == ScanStatus.End && !isFinal ? MapStatus.NeedMore : MapStatus.Declined;
        if (!Categories.TryRoute(category, out var route) || route.Kind is not (RecordKind.SignIn or RecordKind.Audit or RecordKind.Activity)
            || SinkFor(route.Table) is not { } sink)
            return MapStatus.Declined;
        _predicted = new PredictedRoute(category.ToArray(), sink, FieldMap.For(sink, route.Kind));
        var status = MapScanned(input, isFinal, _predicted, out consumed);
        return status == MapStatus.OtherRoute ? MapStatus.Declined : status;
    }

    private MapStatus MapScanned(ReadOnlySpan<byte> input, bool isFinal, PredictedRoute route, out int consumed)
    {
        MapStatus status;
        try
        {
            status = _mapper.MapScanned(input, isFinal, route.Sink, route.Map, route.Category, out consumed);
        }
        catch (JsonException)
        {
            consumed = 0;
            status = MapStatus.Declined;
        }
        if (status == MapStatus.Ok)
        {
            route.Sink.Commit();
            return MapStatus.Ok;
        }
        route.Sink.Discard();
        return status is MapStatus.NeedMore or MapStatus.OtherRoute ? status : MapStatus.Declined;
    }

    /// <summary>The route of the last record the scanner mapped, and the category (exact bytes) that chose it.</summary>
    private sealed record PredictedRoute(byte[] Category, TableSink Sink, FieldMap Map);

    /// <summary>The top-level <c>category</c> as an unescaped string, read with the scanner; declined when it is anything else or absent.</summary>
    private static ScanStatus FindCategory(ReadOnlySpan<byte> input, out ReadOnlySpan<byte> category)
    {
        category = default;
        var scanner = new JsonScanner(input);
        var status = scanner.StartObject();
        for (var first = true; status == ScanStatus.Ok; first = false)
        {
            status = scanner.NextField(first, out var name, out var end);
            if (status != ScanStatus.Ok) return status;
            if (end) return ScanStatus.Declined;
            var isCategory = RecordProbe.Is(name, "category"u8);
            status = scanner.ReadValue(out var value);
            if (status == ScanStatus.Ok && isCategory)
            {
                if (value.Kind != JsonTokenType.String || value.Escaped) return ScanStatus.Declined;
                category = value.Bytes;
                return ScanStatus.Ok;
            }
        }
        return status;
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
        catch (InvalidOperationException ex)
        {
            // A string the reader cannot decode (a lone surrogate escape, invalid UTF-8): the record is malformed.
            staged?.Discard();
            malformed = new JsonException(ex.Message, ex);
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
