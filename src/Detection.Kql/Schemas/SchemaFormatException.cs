namespace Detection.Kql.Schemas;

/// <summary>A table schema file that cannot be read; the message names the file and what is wrong.</summary>
public sealed class SchemaFormatException(string origin, string problem)
    : Exception($"{origin}: {problem}")
{
    public string Origin { get; } = origin;
}
