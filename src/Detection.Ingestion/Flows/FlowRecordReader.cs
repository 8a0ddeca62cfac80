using System.Text.Json;
using Detection.Ingestion.Output;

namespace Detection.Ingestion.Flows;

/// <summary>
/// Expands an NSG flow log record (<c>properties.flows[].flows[].flowTuples</c>, version 1 or 2) or a VNet flow log record
/// (<c>flowRecords.flows[].flowGroups[].flowTuples</c>) into one NTANetAnalytics row per tuple. A bad tuple is rejected
/// alone; the other tuples of the record are kept.
/// </summary>
internal sealed class FlowRecordReader(LoadContext context, string file)
{
    public void Process(byte[] record, TableSink sink, bool isVnet, long line, long index)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(record);
        }
        catch (JsonException ex)
        {
            context.Reject(file, line, index, $"malformed flow log record: {ex.Message}", default, "NTANetAnalytics");
            return;
        }
        using (document)
        {
            if (!sink.Caches.TryGetValue(typeof(FlowColumns), out var cached)) sink.Caches[typeof(FlowColumns)] = cached = new FlowColumns(sink.Schema);
            var writer = new FlowTupleWriter(sink, (FlowColumns)cached);
            var root = document.RootElement;
            var tuples = 0;
            if (isVnet)
            {
                var source = new FlowSource(
                    Mac: Str(root, "macAddress"),
                    TargetResourceId: Str(root, "targetResourceID"),
                    FlowLogResourceId: Str(root, "flowLogResourceID"),
                    NsgResourceId: null, AclGroup: null, Rule: null, IsVnet: true);
                foreach (var flow in Items(Get(Get(root, "flowRecords"), "flows")))
                {
                    foreach (var group in Items(Get(flow, "flowGroups")))
                    {
                        var s = source with { AclGroup = Str(flow, "aclID"), Rule = Str(group, "rule") };
                        foreach (var tuple in Items(Get(group, "flowTuples"))) Write(writer, s, tuple, line, index, ++tuples);
                    }
                }
            }
            else
            {
                var resourceId = Str(root, "resourceId");
                var source = new FlowSource(Str(root, "macAddress"), resourceId, null, resourceId, null, null, IsVnet: false);
                foreach (var ruleFlows in Items(Get(Get(root, "properties"), "flows")))
                {
                    foreach (var flow in Items(Get(ruleFlows, "flows")))
                    {
                        var s = source with { Rule = Str(ruleFlows, "rule"), Mac = Str(flow, "mac") ?? source.Mac };
                        foreach (var tuple in Items(Get(flow, "flowTuples"))) Write(writer, s, tuple, line, index, ++tuples);
                    }
                }
            }
            if (tuples == 0) context.Note($"{file}: flow log record {index} (line {line}) holds no flow tuples");
        }
    }

    private void Write(FlowTupleWriter writer, FlowSource source, JsonElement tuple, long line, long index, int position)
    {
        var error = tuple.ValueKind == JsonValueKind.String
            ? writer.Write(source, tuple.GetString()!)
            : "a flow tuple is not a string";
        if (error is not null)
            context.Reject(file, line, index, $"flow tuple {position} ('{(tuple.ValueKind == JsonValueKind.String ? tuple.GetString() : tuple.GetRawText())}'): {error}", default, "NTANetAnalytics");
    }

    private static JsonElement Get(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Object) return default;
        foreach (var property in element.EnumerateObject())
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase)) return property.Value;
        return default;
    }

    private static string? Str(JsonElement element, string name) =>
        Get(element, name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    private static IEnumerable<JsonElement> Items(JsonElement element) =>
        element.ValueKind == JsonValueKind.Array ? element.EnumerateArray() : [];
}

internal sealed record FlowSource(
    string? Mac, string? TargetResourceId, string? FlowLogResourceId, string? NsgResourceId, string? AclGroup, string? Rule, bool IsVnet);
