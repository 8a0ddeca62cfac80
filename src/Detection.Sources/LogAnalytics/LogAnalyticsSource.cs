using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Detection.Sources.LogAnalytics;

/// <summary>
/// Replays tables of a Log Analytics workspace over a time range: the range is cut into slices of
/// <see cref="LogAnalyticsOptions.SliceLength"/>, and for each slice, in time order, each table is queried for its rows in
/// [start, end) sorted by TimeGenerated. A result that may be cut by the API's limits (a PartialError, the row limit
/// reached, a response near the size limit) is thrown away and its slice queried again as two halves. One batch per
/// table and slice; its messages are JSON lines of rows with their <c>Type</c>, which <see cref="SourceBatch.Decode"/>
/// reads as Log Analytics rows. The source ends after the range. Nothing to commit.
/// </summary>
public sealed class LogAnalyticsSource : ISource
{
    private readonly LogAnalyticsSourceUri _uri;
    private readonly LogAnalyticsOptions _options;
    private readonly ILogger _logger;
    private readonly LogAnalyticsClient _client;

    public LogAnalyticsSource(LogAnalyticsSourceUri uri, LogAnalyticsOptions options, ILogger logger)
    {
        _uri = uri;
        _options = options;
        _logger = logger;
        _client = new LogAnalyticsClient(uri.WorkspaceId, options, logger);
    }

    /// <summary>HTTP requests sent so far, retries included.</summary>
    public int Requests => _client.Requests;

    /// <summary>Queries whose result was thrown away and split in two.</summary>
    public int Splits { get; private set; }

    public async IAsyncEnumerable<SourceBatch> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var end = _uri.To ?? _options.TimeProvider.GetUtcNow();
        for (var start = _uri.From; start < end; start += _options.SliceLength)
        {
            var sliceEnd = start + _options.SliceLength < end ? start + _options.SliceLength : end;
            foreach (var table in _uri.Tables)
            {
                var pending = new Stack<(DateTimeOffset From, DateTimeOffset To)>();
                pending.Push((start, sliceEnd));
                while (pending.Count > 0)
                {
                    var (from, to) = pending.Pop();
                    var body = await _client.QueryAsync(Query(table, from, to), from, to, cancellationToken).ConfigureAwait(false);
                    using var result = QueryResult.Parse(body);
                    var why = Truncation(result);
                    if (why is not null)
                    {
                        if (to - from <= _options.MinSliceLength)
                            throw new SourceException($"log analytics {table} [{from:O}, {to:O}): {why}, and the slice is already at its minimum of {_options.MinSliceLength}");
                        var mid = from + TimeSpan.FromTicks((to - from).Ticks / 2);
                        _logger.LogInformation("log analytics {Table} [{From:O}, {To:O}): {Why}; split in two", table, from, to, why);
                        Splits++;
                        pending.Push((mid, to));
                        pending.Push((from, mid));
                        continue;
                    }
                    yield return ToBatch(table, from, to, result);
                }
            }
        }
    }

    private string? Truncation(QueryResult result) =>
        result.PartialError is { } error ? $"partial result ({error})"
        : result.RowCount >= _options.MaxRows ? $"{result.RowCount} rows, the row limit"
        : result.Bytes >= _options.MaxResponseBytes ? $"{result.Bytes} bytes, near the size limit"
        : null;

    /// <summary>Table names were checked to be identifiers when the URI was parsed, so they can be written into the query.</summary>
    internal static string Query(string table, DateTimeOffset from, DateTimeOffset to) =>
        $"{table} | where TimeGenerated >= datetime({Iso(from)}) and TimeGenerated < datetime({Iso(to)}) | sort by TimeGenerated asc";

    private SourceBatch ToBatch(string table, DateTimeOffset from, DateTimeOffset to, QueryResult result)
    {
        var messages = new List<SourceMessage>();
        var hasType = result.Columns.Contains("Type", StringComparer.Ordinal);
        var buffer = new MemoryStream();
        var writer = new Utf8JsonWriter(buffer);
        var inPage = 0;
        void Flush()
        {
            messages.Add(new SourceMessage(buffer.ToArray(), new LogAnalyticsOrigin(_uri.WorkspaceId.ToString(), table, from, to, messages.Count + 1)));
            buffer.SetLength(0);
            inPage = 0;
        }
        if (result.RowCount > 0)
        {
            foreach (var row in result.Rows.EnumerateArray())
            {
                writer.Reset(buffer);
                writer.WriteStartObject();
                var i = 0;
                foreach (var cell in row.EnumerateArray())
                {
                    if (i < result.Columns.Count && cell.ValueKind != JsonValueKind.Null)
                    {
                        writer.WritePropertyName(result.Columns[i]);
                        // The cell's JSON as the API sent it: re-encoding would throw on a string the reader cannot decode (a
                        // lone surrogate escape) and lose the page; as it is, the loader sets that one row aside.
                        writer.WriteRawValue(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(cell), skipInputValidation: true);
                    }
                    i++;
                }
                if (!hasType) writer.WriteString("Type", table);
                writer.WriteEndObject();
                writer.Flush();
                buffer.WriteByte((byte)'\n');
                if (++inPage >= _options.RowsPerMessage) Flush();
            }
            if (inPage > 0) Flush();
        }
        var position = new SourcePartition($"loganalytics://{_uri.WorkspaceId}/{table}", 0);
        return new SourceBatch(messages, new SourceCheckpoint(new Dictionary<SourcePartition, long> { [position] = to.ToUnixTimeMilliseconds() }));
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    public ValueTask CommitAsync(SourceCheckpoint checkpoint, CancellationToken cancellationToken = default) => ValueTask.CompletedTask;

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
