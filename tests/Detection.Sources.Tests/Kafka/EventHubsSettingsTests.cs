using Confluent.Kafka;
using Detection.Sources.Kafka;

namespace Detection.Sources.Tests.Kafka;

/// <summary>An Event Hubs URI maps to the Kafka endpoint's settings (no network involved).</summary>
public sealed class EventHubsSettingsTests
{
    private const string ConnectionString =
        "Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=listen;SharedAccessKey=c2VjcmV0LWtleS12YWx1ZS0xMjM0NTY3ODkw=";

    private static EventHubsSourceUri Hub => (EventHubsSourceUri)SourceUri.Parse("eventhubs://contoso.servicebus.windows.net/signins?consumerGroup=detect");

    [Fact]
    public void ItUsesSaslPlainOverTlsOnPort9093WithTheConnectionStringAsPassword()
    {
        var config = KafkaSettings.ForEventHubs(Hub, ConnectionString, new KafkaSourceOptions());
        Assert.Equal("contoso.servicebus.windows.net:9093", config.BootstrapServers);
        Assert.Equal(SecurityProtocol.SaslSsl, config.SecurityProtocol);
        Assert.Equal(SaslMechanism.Plain, config.SaslMechanism);
        Assert.Equal("$ConnectionString", config.SaslUsername);
        Assert.Equal(ConnectionString, config.SaslPassword);
        Assert.Equal("detect", config.GroupId);
        Assert.False(config.EnableAutoCommit);
        Assert.False(config.EnableAutoOffsetStore);
        Assert.Equal(AutoOffsetReset.Earliest, config.AutoOffsetReset);
    }

    [Fact]
    public void APlainKafkaClusterGetsNoSecurityAndNoAutoCommit()
    {
        var config = KafkaSettings.ForKafka((KafkaSourceUri)SourceUri.Parse("kafka://k1:9092/t?group=g"), new KafkaSourceOptions());
        Assert.Null(config.SecurityProtocol);
        Assert.Null(config.SaslPassword);
        Assert.False(config.EnableAutoCommit);
        Assert.False(config.EnableAutoOffsetStore);
    }

    [Theory]
    [InlineData("SharedAccessKeyName=listen;SharedAccessKey=abcdefgh", "no Endpoint")]
    [InlineData("Endpoint=sb://contoso.servicebus.windows.net/;SharedAccessKeyName=listen", "no SharedAccessKey")]
    [InlineData("Endpoint=sb://fabrikam.servicebus.windows.net/;SharedAccessKeyName=l;SharedAccessKey=abcdefgh", "is for fabrikam.servicebus.windows.net, not contoso")]
    public void AMalformedConnectionStringIsRefusedWithoutEchoingIt(string connectionString, string expected)
    {
        var ex = Assert.Throws<SourceException>(() => KafkaSettings.ForEventHubs(Hub, connectionString, new KafkaSourceOptions()));
        Assert.Contains(expected, ex.Message);
        Assert.DoesNotContain("abcdefgh", ex.Message);
        Assert.Contains(Hub.ConnectionStringVariable, ex.Message);
    }

    [Fact]
    public void AMissingVariableIsNamed()
    {
        var ex = Assert.Throws<SourceException>(() => SourceFactory.Open(Hub, new SourceSettings { GetEnvironmentVariable = _ => null }));
        Assert.Contains("DETECTION_EVENTHUBS_CONNECTION_STRING is not set", ex.Message);
    }
}
