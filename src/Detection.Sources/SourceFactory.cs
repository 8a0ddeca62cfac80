using Detection.Sources.Files;
using Detection.Sources.Kafka;
using Detection.Sources.LogAnalytics;
using Detection.Sources.Logging;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Detection.Sources;

/// <summary>What a host gives the sources: logging, per-kind options, and where the environment and standard input are.</summary>
public sealed record SourceSettings
{
    public ILoggerFactory LoggerFactory { get; init; } = NullLoggerFactory.Instance;

    public KafkaSourceOptions Kafka { get; init; } = new();

    public FileSourceOptions Files { get; init; } = new();

    public LogAnalyticsOptions LogAnalytics { get; init; } = new();

    /// <summary>Reads an environment variable (the Event Hubs connection string); tests pass their own.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Opens standard input for <c>-</c>.</summary>
    public Func<Stream> OpenStandardInput { get; init; } = Console.OpenStandardInput;
}

/// <summary>Opens the source a <see cref="SourceUri"/> names.</summary>
public static class SourceFactory
{
    /// <summary>
    /// Opens the source; throws <see cref="SourceException"/> when it cannot be (a missing connection-string variable, a
    /// malformed connection string, librdkafka not installed) with a message that names the problem and never the secret.
    /// </summary>
    public static ISource Open(SourceUri uri, SourceSettings settings)
    {
        ArgumentNullException.ThrowIfNull(uri);
        ArgumentNullException.ThrowIfNull(settings);
        var logger = settings.LoggerFactory.CreateLogger("Detection.Sources");
        switch (uri)
        {
            case KafkaSourceUri kafka:
                return new KafkaSource(KafkaSettings.ForKafka(kafka, settings.Kafka), kafka.Topic, settings.Kafka, logger, SecretRedactor.None);
            case EventHubsSourceUri hub:
                var connectionString = settings.GetEnvironmentVariable(hub.ConnectionStringVariable);
                if (string.IsNullOrWhiteSpace(connectionString))
                    throw new SourceException($"the environment variable {hub.ConnectionStringVariable} is not set: it must hold the connection string of {hub.Namespace}");
                var redactor = new SecretRedactor([connectionString, SharedAccessKey(connectionString)]);
                return new KafkaSource(KafkaSettings.ForEventHubs(hub, connectionString, settings.Kafka), hub.Hub, settings.Kafka, logger, redactor);
            case LogAnalyticsSourceUri workspace:
                return new LogAnalyticsSource(workspace, settings.LogAnalytics, logger);
            case FileSourceUri file:
                return new FileSource(file.Path, file.Follow, settings.Files, logger);
            case StdinSourceUri:
                return new StreamSource(settings.OpenStandardInput(), "stdin", settings.Files);
            default:
                throw new ArgumentException($"no source for {uri.GetType().Name}", nameof(uri));
        }
    }

    private static string? SharedAccessKey(string connectionString) =>
        connectionString.Split(';').Select(f => f.Split('=', 2)).FirstOrDefault(f => f.Length == 2 && f[0].Trim().Equals("SharedAccessKey", StringComparison.OrdinalIgnoreCase))?[1];
}
