using System.Text;
using System.Text.Json;
using Detection.Ingestion.Coercion;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Export;

/// <summary>The walk with <see cref="Utf8JsonReader"/>: any valid JSON, and the reference for malformed input.</summary>
internal sealed partial class RecordMapper
{
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
                var ignored = CheckIgnored(reader.TokenType, reader.ValueSpan.Length, name, prefix);
                if (ignored != MapStatus.Ok) return ignored;
                return JsonValue.TrySkip(ref reader) ? MapStatus.Ok : MapStatus.NeedMore;
            case FieldKind.Properties when reader.TokenType == JsonTokenType.StartObject:
                return Walk(ref reader, source, sink, map, Scope.Properties, "properties.");
            case FieldKind.ActivityIdentity when reader.TokenType == JsonTokenType.StartObject:
                return Walk(ref reader, source, sink, map, Scope.Identity, "identity.");
            case FieldKind.Properties or FieldKind.ActivityIdentity:
                return JsonValue.TrySkip(ref reader) ? MapStatus.Ok : MapStatus.NeedMore;
        }
        if (!JsonValue.TryRead(ref reader, source, out var value)) return MapStatus.NeedMore;
        var status = Stage(value, sink, map, action, name, prefix);
        if (status != MapStatus.Ok || action.Kind != FieldKind.ActivityProperties || value.Kind != JsonTokenType.StartObject) return status;
        var inner = new Utf8JsonReader(value.Bytes, isFinalBlock: true, state: default);
        inner.Read();
        return Walk(ref inner, value.Bytes, sink, map, Scope.Properties, "properties.");
    }
}
