using System.Diagnostics;
using Azure.Core;
using Detection.Ingestion;
using Detection.Sources.LogAnalytics;
using Detection.Sources.Tests.Support;

namespace Detection.Sources.Tests.LogAnalytics;

/// <summary>The Log Analytics source against a local HTTPS stub of the query API: slices, splits, retries, rows into tables.</summary>
public sealed class LogAnalyticsSourceTests
{
    private const string Token = "test-token-5f0c1a9e-never-logged";
    private static readonly DateTime T0 = new(2024, 5, 1, 0, 0, 0, DateTimeKind.Utc);

    private sealed class TestCredential : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }

    private static Dictionary<string, List<(DateTime, string)>> Data() => new()
    {
        // 35 sign-ins, one every 7 minutes over 4 hours; 3 audit events.
        ["SigninLogs"] = Enumerable.Range(0, 35).Select(i => (T0.AddMinutes(7 * i), $"u{i}@contoso.com")).ToList(),
        ["AuditLogs"] = [(T0.AddMinutes(5), "a0"), (T0.AddHours(2), "a1"), (T0.AddHours(3.5), "a2")],
    };

    private static (ISource Source, LogAnalyticsSource La) Open(QueryApiStub stub, CollectingLoggerFactory logs, string range = "from=2024-05-01T00:00:00Z&to=2024-05-01T04:00:00Z")
    {
        var uri = SourceUri.Parse($"loganalytics://6f1f7f0e-5b4a-4d8e-9a43-0c4f7a1c2b3d?tables=SigninLogs,AuditLogs&{range}");
        var source = SourceFactory.Open(uri, new SourceSettings
        {
            LoggerFactory = logs,
            LogAnalytics = new LogAnalyticsOptions
            {
                BaseUri = stub.BaseUri,
                Credential = new TestCredential(),
                Transport = stub.Transport,
                SliceLength = TimeSpan.FromHours(2),
                RetryBaseDelay = TimeSpan.FromMilliseconds(20),
                RowsPerMessage = 4,
            },
        });
        return (source, (LogAnalyticsSource)source);
    }

    [Fact]
    public async Task EveryRowArrivesOnceInTimeOrderThroughSplitsA429AndA500()
    {
        await using var stub = new QueryApiStub(Data(), Token) { RowLimit = 6 };
        stub.Failures[1] = 429;
        stub.Failures[3] = 500;
        var logs = new CollectingLoggerFactory();
        var (source, la) = Open(stub, logs);
        var batches = new List<SourceBatch>();
        var clock = Stopwatch.StartNew();
        await foreach (var batch in source.ReadAsync(CancellationToken.None)) batches.Add(batch);

        var signins = batches.Select(b => b.Decode(new LoadOptions())).Where(r => r.Tables.ContainsKey("SigninLogs")).SelectMany(Bodies.Users).ToList();
        Assert.Equal(Enumerable.Range(0, 35).Select(i => $"u{i}@contoso.com"), signins);
        var audit = DataLoader.Load(batches.SelectMany(b => b.Messages).Select(m => m.ToLoadInput()), new LoadOptions());
        Assert.Equal(3, audit.RowsByTable["AuditLogs"]);
        Assert.Equal(35, audit.RowsByTable["SigninLogs"]);
        Assert.Empty(audit.Rejections);

        // 2-hour slices hold 18 and 17 sign-ins, over the stub's limit of 6: each is halved until its pieces fit.
        Assert.True(la.Splits >= 4, $"{la.Splits} splits");
        Assert.All(stub.Queries.GroupBy(q => (q.Table, q.From, q.To)), g => Assert.True(g.Count() == 1, $"{g.Key} queried {g.Count()} times"));
        Assert.Equal(stub.Queries.Count + 2, stub.Requests); // the 429 and the 500 were retried
        Assert.Equal(stub.Requests, la.Requests);
        Assert.True(clock.Elapsed >= TimeSpan.FromSeconds(1), "the 429's Retry-After of 1 s was not honoured");
        Assert.Contains(logs.Lines, l => l.Contains("HTTP 429", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, l => l.Contains("HTTP 500", StringComparison.Ordinal));
        Assert.DoesNotContain(Token, logs.All);
        // Pages of at most 4 rows, each naming its table and slice.
        var first = batches.SelectMany(b => b.Messages).First();
        var origin = Assert.IsType<LogAnalyticsOrigin>(first.Origin);
        Assert.Equal("SigninLogs", origin.Table);
        Assert.Equal(T0, origin.From.UtcDateTime);
    }

    [Fact]
    public async Task A_row_with_a_lone_surrogate_escape_is_set_aside_and_the_rest_of_its_page_kept()
    {
        var data = Data();
        data["SigninLogs"][5] = (data["SigninLogs"][5].Item1, $"bad{QueryApiStub.LoneSurrogate}@contoso.com");
        await using var stub = new QueryApiStub(data, Token);
        var (source, _) = Open(stub, new CollectingLoggerFactory());
        var batches = new List<SourceBatch>();
        await foreach (var batch in source.ReadAsync(CancellationToken.None)) batches.Add(batch);

        var loaded = DataLoader.Load(batches.SelectMany(b => b.Messages).Select(m => m.ToLoadInput()), new LoadOptions());
        Assert.Equal(34, loaded.RowsByTable["SigninLogs"]);
        Assert.Equal(3, loaded.RowsByTable["AuditLogs"]);
        var rejection = Assert.Single(loaded.Rejections);
        Assert.Contains("malformed JSON", rejection.Reason);
        Assert.Equal(2, rejection.Line); // the sixth sign-in: second row of the second page of four
    }

    [Fact]
    public async Task RetriesThatNeverSucceedFailTheSourceWithTheApiError()
    {
        await using var stub = new QueryApiStub(Data(), Token);
        for (var i = 1; i <= 10; i++) stub.Failures[i] = 503;
        var (source, la) = Open(stub, new CollectingLoggerFactory());
        var ex = await Assert.ThrowsAsync<SourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(CancellationToken.None)) { }
        });
        Assert.Contains("HTTP 503", ex.Message);
        Assert.Contains("ServiceError", ex.Message);
        Assert.Equal(7, stub.Requests); // the first try and 6 retries
    }

    [Fact]
    public async Task AWrongTokenIsRefusedAndNotRetried()
    {
        await using var stub = new QueryApiStub(Data(), "another-token");
        var (source, _) = Open(stub, new CollectingLoggerFactory());
        var ex = await Assert.ThrowsAsync<SourceException>(async () =>
        {
            await foreach (var _ in source.ReadAsync(CancellationToken.None)) { }
        });
        Assert.Contains("HTTP 401", ex.Message);
        Assert.DoesNotContain(Token, ex.Message);
        Assert.Equal(1, stub.Requests);
    }

    [Fact]
    public void TheQueryIsHalfOpenOnTimeGeneratedAndSorted() =>
        Assert.Equal(
            "SigninLogs | where TimeGenerated >= datetime(2024-05-01T00:00:00.0000000Z) and TimeGenerated < datetime(2024-05-01T02:00:00.0000000Z) | sort by TimeGenerated asc",
            LogAnalyticsSource.Query("SigninLogs", new DateTimeOffset(T0), new DateTimeOffset(T0.AddHours(2))));
}
