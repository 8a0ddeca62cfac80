namespace Detection.Sources;

/// <summary>A source cannot go on (a broker's fatal error, a query that keeps failing, a missing native library).
/// Its message never holds a connection string, key or token.</summary>
public class SourceException : Exception
{
    public SourceException(string message) : base(message) { }

    public SourceException(string message, Exception? inner) : base(message, inner) { }
}
