using System.Text.Json;
using Detection.Ingestion.Coercion;
using Detection.Ingestion.Json;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Export;

/// <summary>The walk with the <see cref="JsonScanner"/>: the hot path, which declines what the scanner does not read.</summary>
internal sealed partial class RecordMapper
{
    /// <summary>Walks the object that follows, up to and including its closing brace.</summary>
    private MapStatus Walk(ref JsonScanner scanner, TableSink sink, FieldMap map, Scope scope, string prefix)
    {
        var scanned = scanner.StartObject();
        if (scanned != ScanStatus.Ok) return StatusOf(scanned);
        var names = map.Names(scope);
        for (var first = true; ; first = false)
        {
            scanned = scanner.NextField(first, names.Predicted, out var name, out var end, out var wasPredicted);
            if (scanned != ScanStatus.Ok) return StatusOf(scanned);
            if (end) return MapStatus.Ok;
            var action = wasPredicted ? names.TakePredicted() : names.Get(name);
            if (scope == Scope.Top && _expectedCategory is { } category && Json.RecordProbe.Is(name, "category"u8))
            {
                if (!scanner.NextIsString(category)) return MapStatus.OtherRoute;
                _expectedCategory = null;
            }
            var status = action.Kind switch
            {
                FieldKind.Properties when scanner.NextIs((byte)'{') => Walk(ref scanner, sink, map, Scope.Properties, "properties."),
                FieldKind.ActivityIdentity when scanner.NextIs((byte)'{') => Walk(ref scanner, sink, map, Scope.Identity, "identity."),
                _ => Apply(ref scanner, sink, map, action, name, prefix),
            };
            if (status != MapStatus.Ok) return status;
        }
    }

    private MapStatus Apply(ref JsonScanner scanner, TableSink sink, FieldMap map, FieldAction action, ReadOnlySpan<byte> name, string prefix)
    {
        if (action.StringColumn >= 0 && scanner.NextIs((byte)'"'))
        {
            // Most fields: a string going to one string column.
            var read = scanner.ReadString(out var text, out var escaped, out var token);
            if (read != ScanStatus.Ok) return StatusOf(read);
            if (escaped || text.Length > maxFieldBytes) return Stage(JsonValue.String(text, escaped, token), sink, map, action, name, prefix);
            // What Stage does for it, without its general dispatch.
            if (!text.IsEmpty && sink.Claim(action.StringColumn, action.Targets[0].Priority)) sink.Builder.SetStringUtf8(action.StringColumn, text);
            return MapStatus.Ok;
        }
        if (action.Recent is not { } recent || !scanner.TryRepeat(recent, out var value))
        {
            var scanned = scanner.ReadValue(out value);
            if (scanned != ScanStatus.Ok) return StatusOf(scanned);
            if (value.IsContainer) (action.Recent ??= new()).Remember(value.Bytes, value.IsCompact);
        }
        switch (action.Kind)
        {
            case FieldKind.Ignore:
                return CheckIgnored(value.Kind, value.Bytes.Length, name, prefix);
            case FieldKind.Properties or FieldKind.ActivityIdentity:
                return MapStatus.Ok; // not an object: nothing to map
        }
        var status = Stage(value, sink, map, action, name, prefix);
        if (status != MapStatus.Ok || action.Kind != FieldKind.ActivityProperties || value.Kind != JsonTokenType.StartObject) return status;
        var inner = new JsonScanner(value.Bytes);
        status = Walk(ref inner, sink, map, Scope.Properties, "properties.");
        return status == MapStatus.NeedMore ? MapStatus.Declined : status;
    }

    private static MapStatus StatusOf(ScanStatus scanned) => scanned == ScanStatus.End ? MapStatus.NeedMore : MapStatus.Declined;
}
