using System.Text.Json;
using Detection.Generator.Events;
using Detection.Generator.Randomness;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Output;

/// <summary>
/// Writes one day of one diagnostic-settings category as <c>eventhub/YYYY-MM-DD/&lt;Category&gt;.jsonl</c>: each line
/// is one Event Hubs message body <c>{"records":[…]}</c> holding 1..N records in time order, UTF-8, LF endings.
/// </summary>
internal static class ExportWriter
{
    public static GeneratedFile Write(string outputDirectory, DateOnly day, string category, IReadOnlyList<LogEvent> events,
        WorldModel world, Prng random, int maxPerMessage)
    {
        var relative = $"eventhub/{day:yyyy-MM-dd}/{category}.jsonl";
        var path = Path.Combine(outputDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var messages = 0;
        using (var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None))
        using (var writer = new Utf8JsonWriter(file, Wire.WriterOptions))
        {
            for (var i = 0; i < events.Count;)
            {
                var take = Math.Min(events.Count - i, random.Between(1, maxPerMessage));
                writer.WriteStartObject();
                writer.WriteStartArray("records");
                for (var j = i; j < i + take; j++) WriteRecord(writer, events[j], world);
                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.Flush();
                writer.Reset();
                file.WriteByte((byte)'\n');
                messages++;
                i += take;
            }
        }
        return new GeneratedFile(relative, category, Categories.TableOf(category), day, messages, events.Count, events.Count, new FileInfo(path).Length);
    }

    private static void WriteRecord(Utf8JsonWriter w, LogEvent e, WorldModel world)
    {
        switch (e)
        {
            case SignIn s: SignInRecord.Write(w, s, world); break;
            case AuditEvent a: AuditRecord.Write(w, a, world); break;
            case ActivityEvent a: ActivityRecord.Write(w, a, world); break;
            default: throw new InvalidOperationException($"{e.GetType().Name} is not an export record.");
        }
    }
}
