namespace Detection.Sources.Tests;

/// <summary>Every source form parses to its settings; a bad one names the bad part.</summary>
public sealed class SourceUriTests
{
    [Fact]
    public void KafkaNamesBrokersTopicAndGroup()
    {
        var uri = Assert.IsType<KafkaSourceUri>(SourceUri.Parse("kafka://broker1:9092,broker2/signins?group=engines"));
        Assert.Equal("broker1:9092,broker2:9092", uri.BootstrapServers);
        Assert.Equal("signins", uri.Topic);
        Assert.Equal("engines", uri.Group);
    }

    [Fact]
    public void EventHubsDefaultsTheConsumerGroupAndTheConnectionStringVariable()
    {
        var uri = Assert.IsType<EventHubsSourceUri>(SourceUri.Parse("eventhubs://contoso.servicebus.windows.net/insights-logs-signinlogs"));
        Assert.Equal("contoso.servicebus.windows.net", uri.Namespace);
        Assert.Equal(9093, uri.Port);
        Assert.Equal("insights-logs-signinlogs", uri.Hub);
        Assert.Equal("$Default", uri.ConsumerGroup);
        Assert.Equal("DETECTION_EVENTHUBS_CONNECTION_STRING", uri.ConnectionStringVariable);

        var named = Assert.IsType<EventHubsSourceUri>(SourceUri.Parse("eventhubs://contoso/hub?consumerGroup=detect&connectionStringVariable=PROD_HUB"));
        Assert.Equal("contoso.servicebus.windows.net", named.Namespace);
        Assert.Equal(("detect", "PROD_HUB"), (named.ConsumerGroup, named.ConnectionStringVariable));
    }

    [Fact]
    public void LogAnalyticsNamesWorkspaceTablesAndRange()
    {
        var uri = Assert.IsType<LogAnalyticsSourceUri>(SourceUri.Parse(
            "loganalytics://6f1f7f0e-5b4a-4d8e-9a43-0c4f7a1c2b3d?tables=SigninLogs,AuditLogs&from=2024-05-01T00:00:00Z&to=2024-05-02"));
        Assert.Equal(Guid.Parse("6f1f7f0e-5b4a-4d8e-9a43-0c4f7a1c2b3d"), uri.WorkspaceId);
        Assert.Equal(["SigninLogs", "AuditLogs"], uri.Tables);
        Assert.Equal(new DateTimeOffset(2024, 5, 1, 0, 0, 0, TimeSpan.Zero), uri.From);
        Assert.Equal(new DateTimeOffset(2024, 5, 2, 0, 0, 0, TimeSpan.Zero), uri.To);
    }

    [Theory]
    [InlineData("file:///var/log/azure?follow=true", "/var/log/azure", true)]
    [InlineData("file://samples", "samples", false)]
    [InlineData("samples/day1.jsonl", "samples/day1.jsonl", false)]
    public void FilesAndPaths(string text, string path, bool follow)
    {
        var uri = Assert.IsType<FileSourceUri>(SourceUri.Parse(text));
        Assert.Equal((path, follow), (uri.Path, uri.Follow));
    }

    [Fact]
    public void ADashIsStandardInput() => Assert.IsType<StdinSourceUri>(SourceUri.Parse("-"));

    [Theory]
    [InlineData("kafka://broker:9092/signins", "group")]
    [InlineData("kafka://broker:99999/signins?group=g", "host")]
    [InlineData("kafka://broker:9092/?group=g", "topic")]
    [InlineData("kafka://broker/a b?group=g", "topic")]
    [InlineData("kafka://broker/t?group=g&grop=x", "grop")]
    [InlineData("kafka://broker/t?group=g&group=h", "group")]
    [InlineData("eventhubs://ns/hub?connectionStringVariable=not-a-name", "connectionStringVariable")]
    [InlineData("loganalytics://not-a-guid?tables=SigninLogs&from=2024-05-01", "workspace")]
    [InlineData("loganalytics://6f1f7f0e-5b4a-4d8e-9a43-0c4f7a1c2b3d?from=2024-05-01", "tables")]
    [InlineData("loganalytics://6f1f7f0e-5b4a-4d8e-9a43-0c4f7a1c2b3d?tables=SigninLogs|take&from=2024-05-01", "tables")]
    [InlineData("loganalytics://6f1f7f0e-5b4a-4d8e-9a43-0c4f7a1c2b3d?tables=SigninLogs&from=yesterday", "from")]
    [InlineData("loganalytics://6f1f7f0e-5b4a-4d8e-9a43-0c4f7a1c2b3d?tables=SigninLogs&from=2024-05-02&to=2024-05-01", "to")]
    [InlineData("file://logs?follow=yes", "follow")]
    [InlineData("s3://bucket/key", "scheme")]
    public void ABadSourceNamesTheBadPart(string text, string part)
    {
        var ex = Assert.Throws<SourceUriException>(() => SourceUri.Parse(text));
        Assert.Equal(part, ex.Part);
        Assert.StartsWith($"source {part}:", ex.Message);
    }
}
