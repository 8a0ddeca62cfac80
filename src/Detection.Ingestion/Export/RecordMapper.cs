using System.Text;
using System.Text.Json;
using Detection.Ingestion.Coercion;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Export;

/// <summary>
/// Maps one sign-in, audit or activity export record onto a staged row in a single pass of a <see cref="Utf8JsonReader"/>
/// over the record's bytes: no DOM, strings written as UTF-8, objects copied as compact JSON.
/// </summary>
internal enum MapStatus
{
    Ok,

    /// <summary>The (non-final) input ends inside the record: fill and map it again.</summary>
    NeedMore,

    /// <summary>A value cannot be put in its column; the reason is in the error.</summary>
    BadValue,
}

internal sealed class RecordMapper(ScratchSet scratch, int maxFieldBytes)
{
    private string _error = "";

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
        if (map.SourceSystem >= 0 && sink.Claim(map.SourceSystem, 1)) sink.Builder.SetStringUtf8(map.SourceSystem, map.SourceSystemUtf8);
        if (map.CategoryValue >= 0 && !sink.IsSet(map.CategoryValue))
        {
            // ALS: "If properties.eventCategory isn't present, category is Administrative".
            sink.Claim(map.CategoryValue, 1);
            sink.Builder.SetStringUtf8(map.CategoryValue, "Administrative"u8);
            if (map.Category >= 0 && sink.Claim(map.Category, 1)) sink.Builder.SetStringUtf8(map.Category, "Administrative"u8);
        }
        return MapStatus.Ok;
    }

    /// <summary>Walks the fields of the object the reader is on (its StartObject), up to and including its EndObject.</summary>
    private MapStatus Walk(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, TableSink sink, FieldMap map, Scope scope, string prefix)
    {
        while (true)
        {
            if (!reader.Read()) return MapStatus.NeedMore;
            if (reader.TokenType != JsonTokenType.PropertyName) return MapStatus.Ok;
            var name = reader.ValueIsEscaped ? Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;
            var action = map.Lookup(scope, name);
            if (!reader.Read()) return MapStatus.NeedMore;
            var status = Apply(ref reader, source, sink, map, action, name, prefix);
            if (status != MapStatus.Ok) return status;
        }
    }

    private MapStatus Apply(ref Utf8JsonReader reader, ReadOnlySpan<byte> source, TableSink sink, FieldMap map, FieldAction action,
        ReadOnlySpan<byte> name, string prefix)
    {
        switch (action.Kind)
        {
            case FieldKind.Ignore:
                if (reader.TokenType is JsonTokenType.String && reader.ValueSpan.Length > maxFieldBytes)
                    return Fail(prefix, name, $"a value of {reader.ValueSpan.Length:N0} bytes is over the field limit of {maxFieldBytes:N0} bytes");
                return JsonValue.TrySkip(ref reader) ? MapStatus.Ok : MapStatus.NeedMore;
            case FieldKind.Properties when reader.TokenType == JsonTokenType.StartObject:
                return Walk(ref reader, source, sink, map, Scope.Properties, "properties.");
            case FieldKind.ActivityIdentity when reader.TokenType == JsonTokenType.StartObject:
                return Walk(ref reader, source, sink, map, Scope.Identity, "identity.");
            case FieldKind.Properties or FieldKind.ActivityIdentity:
                return JsonValue.TrySkip(ref reader) ? MapStatus.Ok : MapStatus.NeedMore;
        }
        if (!JsonValue.TryRead(ref reader, source, out var value)) return MapStatus.NeedMore;
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
            case FieldKind.ActivityProperties when value.Kind == JsonTokenType.StartObject:
                var inner = new Utf8JsonReader(value.Bytes, isFinalBlock: true, state: default);
                inner.Read();
                return Walk(ref inner, value.Bytes, sink, map, Scope.Properties, "properties.");
            case FieldKind.ActivityClaims when value.Kind == JsonTokenType.StartObject && map.Caller >= 0:
                StageCaller(sink, map.Caller, value.Bytes);
                break;
        }
        return MapStatus.Ok;
    }

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
