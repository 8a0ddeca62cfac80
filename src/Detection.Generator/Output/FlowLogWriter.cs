using System.Globalization;
using System.Text.Json;
using Detection.Generator.Events;
using Detection.Generator.Randomness;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Output;

/// <summary>
/// Writes flow tuples as Network Watcher's hourly blobs, one per flow-log stream, NIC and hour:
/// <c>flowlogs/insights-logs-networksecuritygroupflowevent/&lt;NSG&gt;/y=…/m=…/d=…/h=…/m=00/macAddress=…/PT1H.json</c> (NSG v2) and
/// <c>flowlogs/insights-logs-flowlogflowevent/&lt;FLOWLOG&gt;/…/PT1H.json</c> (VNet). Each blob is one <c>{"records":[…]}</c>
/// object with one record per minute that had tuples; hours without tuples get no blob.
/// </summary>
internal static class FlowLogWriter
{
    public static IEnumerable<GeneratedFile> Write(string outputDirectory, DateOnly day, IReadOnlyList<FlowTuple> tuples, Prng random)
    {
        var blobs = tuples
            .GroupBy(t => (t.Vm, Hour: new DateTime(t.Time.Year, t.Time.Month, t.Time.Day, t.Time.Hour, 0, 0, DateTimeKind.Utc)))
            .OrderBy(g => g.Key.Vm.FlowLog.Name, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Vm.Name, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Hour);
        foreach (var blob in blobs)
        {
            var (vm, hour) = blob.Key;
            var source = vm.FlowLog;
            var container = source.Kind == FlowLogKind.NsgV2 ? "insights-logs-networksecuritygroupflowevent" : "insights-logs-flowlogflowevent";
            var relative = string.Create(CultureInfo.InvariantCulture,
                $"flowlogs/{container}/{source.Name.ToUpperInvariant()}/y={hour:yyyy}/m={hour:MM}/d={hour:dd}/h={hour:HH}/m=00/macAddress={vm.Mac}/PT1H.json");
            var path = Path.Combine(outputDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            var records = 0;
            long count = 0;
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
            using (var writer = new Utf8JsonWriter(file, Wire.WriterOptions))
            {
                writer.WriteStartObject();
                writer.WriteStartArray("records");
                foreach (var minute in blob.GroupBy(t => t.Time.Minute))
                {
                    var list = minute.ToList();
                    var recordTime = hour.AddMinutes(minute.Key).AddSeconds(random.Between(30.0, 59.9));
                    FlowLogRecords.Write(writer, source, vm, recordTime, source.Id, list);
                    records++;
                    count += list.Count;
                }
                writer.WriteEndArray();
                writer.WriteEndObject();
            }
            var category = source.Kind == FlowLogKind.NsgV2 ? Categories.NsgFlowEvent : Categories.VnetFlowEvent;
            yield return new GeneratedFile(relative, category, Categories.FlowTable, day, 1, records, count, new FileInfo(path).Length);
        }
    }
}
