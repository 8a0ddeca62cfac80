using System.Globalization;
using Detection.Generator.Records;

namespace Detection.Generator.Output;

/// <summary>
/// Writes <c>manifest.json</c>: the exact number of rows each Log Analytics table gets from the output (records for
/// the export categories, flow tuples for NTANetAnalytics), per category, and per file.
/// </summary>
internal static class ManifestWriter
{
    public const string FileName = "manifest.json";

    public static void Write(string outputDirectory, GeneratorOptions options, GenerationSummary summary)
    {
        JsonFiles.Write(Path.Combine(outputDirectory, FileName), w =>
        {
            w.WriteStartObject();
            w.WriteString("generator", "detect generate");
            w.WriteNumber("formatVersion", 1);
            JsonFiles.WriteArguments(w, options);
            var start = options.Start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            w.WriteStartObject("range");
            w.WriteString("start", Wire.Time(start));
            w.WriteString("end", Wire.Time(start.AddDays(options.Days)));
            w.WriteEndObject();

            w.WriteStartObject("tables");
            foreach (var (table, rows) in summary.Tables) w.WriteNumber(table, rows);
            w.WriteEndObject();

            w.WriteStartObject("categories");
            foreach (var group in summary.Files.GroupBy(f => f.Category).OrderBy(g => g.Key, StringComparer.Ordinal))
            {
                w.WriteStartObject(group.Key);
                w.WriteString("table", group.First().Table);
                w.WriteNumber("files", group.Count());
                w.WriteNumber("messages", group.Sum(f => f.Messages));
                w.WriteNumber("records", group.Sum(f => f.Records));
                w.WriteNumber("rows", group.Sum(f => f.Rows));
                w.WriteEndObject();
            }
            w.WriteEndObject();

            w.WriteNumber("scenarioInstances", summary.ScenarioInstances);
            w.WriteNumber("totalBytes", summary.TotalBytes);
            w.WriteStartArray("files");
            foreach (var f in summary.Files)
            {
                w.WriteStartObject();
                w.WriteString("path", f.Path);
                w.WriteString("day", f.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                w.WriteString("category", f.Category);
                w.WriteString("table", f.Table);
                w.WriteNumber("messages", f.Messages);
                w.WriteNumber("records", f.Records);
                w.WriteNumber("rows", f.Rows);
                w.WriteNumber("bytes", f.Bytes);
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }
}
