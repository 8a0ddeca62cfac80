using Detection.Generator.Records;
using Detection.Generator.Scenarios;

namespace Detection.Generator.Output;

/// <summary>
/// Writes <c>labels.json</c>: every scenario instance with its name, description, ATT&amp;CK techniques, time window
/// (first and last event, inclusive, ISO 8601 UTC), tables and wire categories, rows per table, entities and details.
/// </summary>
internal static class LabelsWriter
{
    public const string FileName = "labels.json";

    public static void Write(string outputDirectory, GeneratorOptions options, IReadOnlyList<ScenarioLabel> labels)
    {
        JsonFiles.Write(Path.Combine(outputDirectory, FileName), w =>
        {
            w.WriteStartObject();
            w.WriteString("generator", "detect generate");
            w.WriteNumber("formatVersion", 1);
            JsonFiles.WriteArguments(w, options);
            w.WriteStartArray("scenarios");
            foreach (var label in labels)
            {
                w.WriteStartObject();
                w.WriteString("id", label.Id);
                w.WriteString("name", label.Name);
                w.WriteString("description", label.Description);
                WriteStrings(w, "techniques", label.Techniques);
                w.WriteString("start", Wire.Time(label.Start));
                w.WriteString("end", Wire.Time(label.End));
                WriteStrings(w, "tables", label.Tables);
                WriteStrings(w, "categories", label.Categories);
                w.WriteStartObject("rows");
                foreach (var (table, rows) in label.Rows) w.WriteNumber(table, rows);
                w.WriteEndObject();
                w.WriteStartObject("entities");
                foreach (var (kind, values) in label.Entities.All) WriteStrings(w, kind, values);
                w.WriteEndObject();
                w.WriteStartObject("details");
                foreach (var (name, value) in label.Entities.Details) w.WriteNumber(name, value);
                w.WriteEndObject();
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        });
    }

    private static void WriteStrings(System.Text.Json.Utf8JsonWriter w, string name, IEnumerable<string> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values) w.WriteStringValue(v);
        w.WriteEndArray();
    }
}
