using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Identity;
using Detection.Sources.Logging;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;

namespace Detection.Sources.LogAnalytics;

/// <summary>
/// Posts queries to <c>{BaseUri}/v1/workspaces/{id}/query</c> through Azure.Core's pipeline (bearer token from the
/// credential), retrying 429 (after its Retry-After) and 5xx with exponential backoff through Polly. Returns the body of a
/// 200; any other answer, or retries exhausted, throws <see cref="SourceException"/> with the API's error code and message.
/// </summary>
internal sealed class LogAnalyticsClient
{
    private readonly HttpPipeline _pipeline;
    private readonly ResiliencePipeline<Attempt> _retry;
    private readonly Uri _queryUri;
    private readonly ILogger _logger;
    private readonly SecretRedactor _redactor = SecretRedactor.None;
    private readonly TimeProvider _time;

    public LogAnalyticsClient(Guid workspace, LogAnalyticsOptions options, ILogger logger)
    {
        _logger = logger;
        _time = options.TimeProvider;
        _queryUri = new Uri(options.BaseUri, $"v1/workspaces/{workspace}/query");
        var clientOptions = new PipelineOptions();
        clientOptions.Retry.MaxRetries = 0; // Polly retries, so that Retry-After and the backoff are ours and testable
        if (options.Transport is { } transport) clientOptions.Transport = transport;
        var credential = options.Credential ?? new DefaultAzureCredential();
        _pipeline = HttpPipelineBuilder.Build(clientOptions, [], [new BearerTokenAuthenticationPolicy(credential, options.Scope)], new ResponseClassifier());
        _retry = new ResiliencePipelineBuilder<Attempt> { TimeProvider = options.TimeProvider }
            .AddRetry(new RetryStrategyOptions<Attempt>
            {
                ShouldHandle = new PredicateBuilder<Attempt>()
                    .HandleResult(a => a.Status is 429 or >= 500)
                    .Handle<RequestFailedException>(e => e.Status == 0), // no answer at all: connection refused, reset, timeout
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                Delay = options.RetryBaseDelay,
                MaxDelay = options.MaxRetryDelay,
                DelayGenerator = args => ValueTask.FromResult(
                    args.Outcome.Result?.RetryAfter is { } after ? (TimeSpan?)Min(after, options.MaxRetryDelay) : null),
                OnRetry = args =>
                {
                    var why = args.Outcome.Result is { } r ? $"HTTP {r.Status}" : _redactor.Redact(args.Outcome.Exception?.Message);
                    _logger.LogWarning("log analytics query: {Why}; retry {Attempt} in {Delay} ms", why, args.AttemptNumber + 1, (long)args.RetryDelay.TotalMilliseconds);
                    return ValueTask.CompletedTask;
                },
            })
            .Build();
    }

    /// <summary>Number of HTTP requests sent, retries included.</summary>
    public int Requests { get; private set; }

    public async Task<byte[]> QueryAsync(string query, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, string>
        {
            ["query"] = query,
            ["timespan"] = $"{Iso(from)}/{Iso(to)}",
        });
        Attempt attempt;
        try
        {
            attempt = await _retry.ExecuteAsync(async ct => await SendAsync(body, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (RequestFailedException ex)
        {
            throw new SourceException($"log analytics query failed: {_redactor.Redact(ex.Message)}");
        }
        catch (AuthenticationFailedException ex)
        {
            throw new SourceException($"log analytics: no token for {_queryUri.Host}: {_redactor.Redact(ex.Message)}");
        }
        if (attempt.Status == 200) return attempt.Body;
        throw new SourceException($"log analytics query failed with HTTP {attempt.Status}{(attempt.Status is 429 or >= 500 ? $" after {Requests} attempts" : "")}: {ErrorText(attempt.Body)}");
    }

    private async ValueTask<Attempt> SendAsync(byte[] body, CancellationToken cancellationToken)
    {
        Requests++;
        using var message = _pipeline.CreateMessage();
        var request = message.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_queryUri);
        request.Headers.Add("Content-Type", "application/json");
        request.Content = RequestContent.Create(body);
        await _pipeline.SendAsync(message, cancellationToken).ConfigureAwait(false);
        var response = message.Response;
        return new Attempt(response.Status, RetryAfter(response), response.Content.ToArray());
    }

    private TimeSpan? RetryAfter(Response response)
    {
        if (!response.Headers.TryGetValue("Retry-After", out var value) || value is null) return null;
        if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)) return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var when))
        {
            var wait = when - _time.GetUtcNow();
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    private static string ErrorText(byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            if (doc.RootElement.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object) return QueryResult.Describe(error);
        }
        catch (JsonException)
        {
            // not JSON: say so below
        }
        return body.Length == 0 ? "(no body)" : "(a body that is not a OneAPI error)";
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    /// <summary>One HTTP answer, read whole (the API's answers are bounded by its size limit).</summary>
    internal sealed record Attempt(int Status, TimeSpan? RetryAfter, byte[] Body);

    private sealed class PipelineOptions : ClientOptions;
}
