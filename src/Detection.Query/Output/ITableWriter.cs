using Detection.Tables;

namespace Detection.Query.Output;

/// <summary>Writes a result table to a text stream in one format. Implementations are stateless and thread-safe.</summary>
public interface ITableWriter
{
    void Write(Table table, TextWriter output);
}

public enum OutputFormat
{
    /// <summary>An aligned table for people (the default).</summary>
    Text,
    /// <summary>The Log Analytics query API response shape.</summary>
    Json,
    /// <summary>RFC 4180 CSV with a header row.</summary>
    Csv,
}

public static class TableWriters
{
    public static ITableWriter For(OutputFormat format) => format switch
    {
        OutputFormat.Text => new TextTableWriter(),
        OutputFormat.Json => new JsonTableWriter(),
        OutputFormat.Csv => new CsvTableWriter(),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, null),
    };
}
