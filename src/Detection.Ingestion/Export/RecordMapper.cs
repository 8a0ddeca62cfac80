using System.Text;
using System.Text.Json;
using Detection.Ingestion.Coercion;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Export;

internal enum MapStatus
{
    Ok,

    /// <summary>The (non-final) input ends inside the record: fill and map it again.</summary>
    NeedMore,

    /// <summary>A value cannot be put in its column; the reason is in the error.</summary>
    BadValue,

    /// <summary>The <see cref="Json.JsonScanner"/> declined the record: map it again with <see cref="Utf8JsonReader"/>.</summary>
    Declined,

    /// <summary>The record's <c>category</c> is not the one expected (or is missing): route it, then map it.</summary>
    OtherRoute,
}

/// <summary>
/// Maps one sign-in, audit or activity export record onto a staged row in a single pass over the record's bytes: no DOM,
/// strings written as UTF-8, objects copied as compact JSON. Two walks share the mapping: one with the
/// <see cref="Json.JsonScanner"/> (the hot path, <see cref="MapScanned"/>) and one with <see cref="Utf8JsonReader"/>
/// (<see cref="Map"/>), which reads whatever the scanner declines and is the reference for bad input.
/// </summary>
internal sealed partial class RecordMapper(ScratchSet scratch, int maxFieldBytes)
{
    private string _error = "";
    private byte[]? _expectedCategory; // the category the scanner's walk has yet to meet

    /// <summary>
    /// Stages the record that starts <paramref name="record"/> into <paramref name="sink"/>, reading it in place (the
    /// input may hold more bytes after it, or, when not <paramref name="isFinal"/>, fewer than the whole record).
    /// </summary>
    public MapStatus Map(ReadOnlySpan<byte> record, bool isFinal, TableSink sink, FieldMap map, out int consumed, out string? error)
    {
        consumed = 0;
        error = null;
        var reader = new Utf8JsonReader(record, isFinal, state: default);
        if (!reader.Read()) return MapStatus.NeedMore;
        var status = Walk(ref reader, record, sink, map, Scope.Top, "");
        if (status != MapStatus.Ok)
        {
            error = _error;
            return status;
        }
        consumed = (int)reader.BytesConsumed;
        StageDefaults(sink, map);
        return MapStatus.Ok;
    }

    /// <summary>
    /// As <see cref="Map"/>, with the <see cref="Json.JsonScanner"/>; <see cref="MapStatus.Declined"/> when it declines the
    /// record, or when a final input ends inside it (the reader then says why). The record's first top-level
    /// <c>category</c> must be the string <paramref name="category"/> (exact bytes, no escapes), otherwise
    /// <see cref="MapStatus.OtherRoute"/>.
    /// </summary>
    public MapStatus MapScanned(ReadOnlySpan<byte> record, bool isFinal, TableSink sink, FieldMap map, byte[] category, out int consumed)
    {
        consumed = 0;
        _expectedCategory = category;
        var scanner = new Json.JsonScanner(record);
        var status = Walk(ref scanner, sink, map, Scope.Top, "");
        if (status == MapStatus.Ok && _expectedCategory is not null) status = MapStatus.OtherRoute; // no category at all
        if (status != MapStatus.Ok) return status == MapStatus.NeedMore && isFinal ? MapStatus.Declined : status;
        consumed = scanner.Position;
        StageDefaults(sink, map);
        return MapStatus.Ok;
    }

    private static void StageDefaults(TableSink sink, FieldMap map)
    {
        if (map.SourceSystem >= 0 && sink.Claim(map.SourceSystem, 1)) sink.Builder.SetStringUtf8(map.SourceSystem, map.SourceSystemUtf8);
        if (map.CategoryValue >= 0 && !sink.IsSet(map.CategoryValue))
        {
            // ALS: "If properties.eventCategory isn't present, category is Administrative".
            sink.Claim(map.CategoryValue, 1);
            sink.Builder.SetStringUtf8(map.CategoryValue, "Administrative"u8);
            if (map.Category >= 0 && sink.Claim(map.Category, 1)) sink.Builder.SetStringUtf8(map.Category, "Administrative"u8);
        }
    }

    /// <summary>
    /// Stages a field's value into its columns, with the special handling its kind asks for (all but the walk into an
    /// activity record's <c>properties</c>, which each walk does its own way after this).
    /// </summary>
    private MapStatus Stage(in JsonValue value, TableSink sink, FieldMap map, FieldAction action, ReadOnlySpan<byte> name, string prefix)
    {
        // ALS's own example has "category": "Write" (the kind of operation), which is no event category.
        if (action.Kind == FieldKind.ActivityCategory
            && (value.Kind != JsonTokenType.String || !Categories.IsActivityCategory(value.Unescaped(scratch.Unescape))))
            return MapStatus.Ok;
        foreach (var target in action.Targets)
        {
            if (ValueCoercion.Stage(sink, target.Column, target.Priority, value, scratch, maxFieldBytes) is { } error)
                return Fail(prefix, name, error);
        }
        switch (action.Kind)
        {
            case FieldKind.EntraResourceId when value.Kind == JsonTokenType.String:
                // "/tenants/<id>/providers/Microsoft.aadiam": Log Analytics shows the provider as Resource and ResourceGroup.
                var provider = AfterLast(value.Unescaped(scratch.Unescape), "/providers/"u8);
                StageString(sink, map.Resource, provider);
                StageString(sink, map.ResourceGroup, provider);
                break;
            case FieldKind.ActivityResourceId when value.Kind == JsonTokenType.String:
                StageResourceParts(sink, map, value.Unescaped(scratch.Unescape));
                break;
            case FieldKind.ActivityClaims when value.Kind == JsonTokenType.StartObject && map.Caller >= 0:
                StageCaller(sink, map.Caller, value.Bytes);
                break;
        }
        return MapStatus.Ok;
    }

    /// <summary>An ignored string field still counts against the field limit.</summary>
    private MapStatus CheckIgnored(JsonTokenType kind, int length, ReadOnlySpan<byte> name, string prefix) =>
        kind == JsonTokenType.String && length > maxFieldBytes
            ? Fail(prefix, name, $"a value of {length:N0} bytes is over the field limit of {maxFieldBytes:N0} bytes")
            : MapStatus.Ok;

    private void StageCaller(TableSink sink, int caller, ReadOnlySpan<byte> claims)
    {
        var reader = new Utf8JsonReader(claims, isFinalBlock: true, state: default);
        reader.Read();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var rank = -1;
            for (var i = 0; i < ExportMappings.CallerClaims.Length && rank < 0; i++)
                if (reader.ValueTextEquals(ExportMappings.CallerClaims[i])) rank = i;
            reader.Read();
            if (rank >= 0 && reader.TokenType == JsonTokenType.String)
            {
                var value = JsonValue.Read(ref reader, claims);
                ValueCoercion.Stage(sink, caller, (byte)(10 - rank), value, scratch, maxFieldBytes);
            }
            reader.Skip();
        }
    }

    /// <summary>/subscriptions/{sub}/resourceGroups/{rg}/providers/{namespace}/{type}/{name}[/…] → the derived columns.</summary>
    private static void StageResourceParts(TableSink sink, FieldMap map, ReadOnlySpan<byte> id)
    {
        Span<Range> parts = stackalloc Range[32];
        var n = 0;
        foreach (var range in id.Split((byte)'/'))
        {
            if (n == parts.Length) break;
            parts[n++] = range;
        }
        ReadOnlySpan<byte> last = default;
        for (var i = 0; i + 1 < n; i++)
        {
            var key = id[parts[i]];
            var next = id[parts[i + 1]];
            if (Ascii.EqualsIgnoreCase(key, "subscriptions"u8)) StageString(sink, map.SubscriptionId, next);
            else if (Ascii.EqualsIgnoreCase(key, "resourceGroups"u8)) StageString(sink, map.ResourceGroup, next);
            else if (Ascii.EqualsIgnoreCase(key, "providers"u8))
            {
                StageString(sink, map.ResourceProviderValue, next);
                StageString(sink, map.ResourceProvider, next);
            }
        }
        if (n > 0) last = id[parts[n - 1]];
        if (n >= 4) StageString(sink, map.Resource, last);
    }

    private static void StageString(TableSink sink, int column, ReadOnlySpan<byte> value)
    {
        if (column >= 0 && !value.IsEmpty && sink.Claim(column, 1)) sink.Builder.SetStringUtf8(column, value);
    }

    private static ReadOnlySpan<byte> AfterLast(ReadOnlySpan<byte> text, ReadOnlySpan<byte> marker)
    {
        var i = text.LastIndexOf(marker);
        if (i < 0) return default;
        var rest = text[(i + marker.Length)..];
        var slash = rest.IndexOf((byte)'/');
        return slash < 0 ? rest : rest[..slash];
    }

    private MapStatus Fail(string prefix, ReadOnlySpan<byte> name, string error)
    {
        _error = $"field '{prefix}{Encoding.UTF8.GetString(name)}': {error}";
        return MapStatus.BadValue;
    }
}
