using Azure.Core;
using Azure.Core.Pipeline;

namespace Detection.Sources.LogAnalytics;

/// <summary>How a Log Analytics workspace is queried. Immutable; the defaults follow the query API's documented limits.</summary>
public sealed record LogAnalyticsOptions
{
    /// <summary>The query API; tests point it at a local stub.</summary>
    public Uri BaseUri { get; init; } = new("https://api.loganalytics.io/");

    /// <summary>The token audience requested from the credential.</summary>
    public string Scope { get; init; } = "https://api.loganalytics.io/.default";

    /// <summary>Who signs the requests; null uses Azure.Identity's DefaultAzureCredential (environment, managed identity, Azure CLI …).</summary>
    public TokenCredential? Credential { get; init; }

    /// <summary>The HTTP transport; null uses Azure.Core's default (tests pass one that trusts their self-signed certificate).</summary>
    public HttpPipelineTransport? Transport { get; init; }

    /// <summary>The range is queried in slices of this length, each table separately, in time order.</summary>
    public TimeSpan SliceLength { get; init; } = TimeSpan.FromHours(1);

    /// <summary>A slice that is too big is halved, down to this length; below it the source fails rather than lose rows.</summary>
    public TimeSpan MinSliceLength { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>The API returns at most 500,000 rows: a result of this many rows may be cut, so its slice is halved.</summary>
    public int MaxRows { get; init; } = 500_000;

    /// <summary>The API returns at most ~64 MB: a response this large may be cut, so its slice is halved.</summary>
    public long MaxResponseBytes { get; init; } = 60L << 20;

    /// <summary>Rows per message yielded (each message is JSON lines of rows with their <c>Type</c>).</summary>
    public int RowsPerMessage { get; init; } = 10_000;

    /// <summary>429 and 5xx responses and network failures are retried this many times, with exponential backoff from
    /// <see cref="RetryBaseDelay"/> (a 429's Retry-After is honoured instead), each wait at most <see cref="MaxRetryDelay"/>.</summary>
    public int MaxRetries { get; init; } = 6;

    public TimeSpan RetryBaseDelay { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxRetryDelay { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>The clock of retry delays and of an open-ended range's end ("now").</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
