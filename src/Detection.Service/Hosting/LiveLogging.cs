using Detection.Sources.Logging;
using Microsoft.Extensions.Logging;
using Serilog;
using Serilog.Core;
using Serilog.Events;
using Serilog.Formatting.Json;

namespace Detection.Service.Hosting;

/// <summary>
/// Serilog for the service: structured events to the console (standard error, so standard output stays for results)
/// and, when asked, to a daily rolling file of JSON events. Every message and property passes a
/// <see cref="SecretRedactor"/> first (connection strings, keys, tokens), a second line behind the sources' own redaction.
/// </summary>
public static class LiveLogging
{
    /// <summary>Routes Microsoft.Extensions.Logging (the service's and the sources' loggers) to Serilog.</summary>
    public static ILoggingBuilder AddDetectionLogging(this ILoggingBuilder logging, string? logFile, IEnumerable<string?> secrets, LogEventLevel minimum = LogEventLevel.Information)
    {
        var configuration = new LoggerConfiguration()
            .MinimumLevel.Is(minimum)
            .MinimumLevel.Override("Microsoft", LogEventLevel.Warning)
            .Enrich.With(new RedactingEnricher(new SecretRedactor(secrets)))
            .WriteTo.Console(outputTemplate: "{Timestamp:HH:mm:ss} [{Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}",
                standardErrorFromLevel: LogEventLevel.Verbose, formatProvider: System.Globalization.CultureInfo.InvariantCulture);
        if (logFile is not null)
            configuration = configuration.WriteTo.File(new JsonFormatter(renderMessage: true), logFile, rollingInterval: RollingInterval.Day);
        logging.ClearProviders();
        logging.AddSerilog(configuration.CreateLogger(), dispose: true);
        return logging;
    }

    /// <summary>Replaces string properties with their redacted text (the message template renders from properties).</summary>
    private sealed class RedactingEnricher(SecretRedactor redactor) : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            foreach (var (name, value) in logEvent.Properties.ToList())
            {
                if (value is ScalarValue { Value: string text } && redactor.Redact(text) is var clean && clean != text)
                    logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(clean)));
            }
        }
    }
}
