using Detection.Sources.Kafka;
using Detection.Sources.Logging;
using Detection.Sources.Tests.Kafka;
using Detection.Sources.Tests.Support;

namespace Detection.Sources.Tests;

/// <summary>Connection strings, keys and tokens never reach a log line, an exception or a URI's text.</summary>
public sealed class SecretsTests
{
    private const string Key = "S3cr3tK3yV4lu3ThatMustN0tLeak+abc/def=";
    private const string ConnectionString =
        "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=" + Key;

    [Fact]
    public async Task AnEventHubsConsumerThatFailsToConnectLogsNeitherTheConnectionStringNorItsKey()
    {
        using var cluster = new MockKafkaCluster();
        var logs = new CollectingLoggerFactory();
        var uri = SourceUri.Parse("eventhubs://contoso.servicebus.windows.net/signins?connectionStringVariable=HUB_CS");
        // The brokers are the local mock cluster (plain text, so the TLS handshake fails); librdkafka logs everything.
        var settings = new SourceSettings
        {
            LoggerFactory = logs,
            GetEnvironmentVariable = name => name == "HUB_CS" ? ConnectionString : null,
            Kafka = KafkaSourceTests.Fast with
            {
                Overrides = new Dictionary<string, string> { ["bootstrap.servers"] = cluster.BootstrapServers, ["debug"] = "all" },
            },
        };
        await using (var source = SourceFactory.Open(uri, settings))
        {
            using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(3));
            try { await foreach (var _ in source.ReadAsync(cts.Token)) { } }
            catch (SourceException ex) { Assert.DoesNotContain(Key, ex.Message); }
        }
        Assert.True(logs.Lines.Count > 50, $"librdkafka logged only {logs.Lines.Count} lines");
        Assert.Contains(logs.Lines, l => l.Contains("sasl", StringComparison.OrdinalIgnoreCase) || l.Contains("SSL", StringComparison.Ordinal));
        Assert.DoesNotContain(Key, logs.All);
        Assert.DoesNotContain("SharedAccessKey=S3", logs.All);
        Assert.DoesNotContain(ConnectionString, uri.ToString());
    }

    [Theory]
    [InlineData("connect failed: Endpoint=sb://x/;SharedAccessKeyName=a;SharedAccessKey=abc123==;EntityPath=h", "abc123")]
    [InlineData("Authorization: Bearer eyJ0eXAiOiJKV1QiLCJhbGciOi.payload.sig", "eyJ0eXAi")]
    [InlineData("sasl.password=hunter2hunter2 sasl.username=$ConnectionString", "hunter2")]
    [InlineData("the value given was verbatim-secret-value here", "verbatim-secret-value")]
    public void TheRedactorRemovesKnownSecretsAndSecretShapedText(string text, string secret)
    {
        var redacted = new SecretRedactor(["verbatim-secret-value"]).Redact(text);
        Assert.DoesNotContain(secret, redacted);
        Assert.Contains("***", redacted);
    }

    [Fact]
    public void TheRedactorLeavesOrdinaryTextAlone() =>
        Assert.Equal("password spray from 198.51.100.7", new SecretRedactor([]).Redact("password spray from 198.51.100.7"));
}
