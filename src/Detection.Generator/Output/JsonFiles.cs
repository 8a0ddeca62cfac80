using System.Text.Encodings.Web;
using System.Text.Json;

namespace Detection.Generator.Output;

/// <summary>Writes the human-readable side files (manifest, labels): indented, LF line endings on every OS.</summary>
internal static class JsonFiles
{
    private static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(string path, Action<Utf8JsonWriter> body)
    {
        using var file = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None);
        using (var writer = new Utf8JsonWriter(file, Options))
        {
            body(writer);
        }
        file.WriteByte((byte)'\n');
    }

    public static void WriteArguments(Utf8JsonWriter w, GeneratorOptions o)
    {
        w.WriteStartObject("arguments");
        w.WriteString("start", o.Start.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        w.WriteNumber("days", o.Days);
        w.WriteNumber("users", o.Users);
        w.WriteNumber("seed", o.Seed);
        w.WriteEndObject();
    }
}
