using Confluent.Kafka;

namespace Detection.Sources.Kafka;

/// <summary>Maps a source URI to the librdkafka consumer configuration. The configuration of an Event Hubs source holds
/// the connection string: it is never logged or printed.</summary>
internal static class KafkaSettings
{
    public static ConsumerConfig ForKafka(KafkaSourceUri uri, KafkaSourceOptions options) =>
        Common(uri.BootstrapServers, uri.Group, options);

    /// <summary>Event Hubs' Kafka endpoint: TLS on 9093, SASL PLAIN, user <c>$ConnectionString</c>, the connection string as password.</summary>
    public static ConsumerConfig ForEventHubs(EventHubsSourceUri uri, string connectionString, KafkaSourceOptions options)
    {
        CheckConnectionString(uri, connectionString);
        var config = Common($"{uri.Namespace}:{uri.Port}", uri.ConsumerGroup, options, apply: false);
        config.SecurityProtocol = SecurityProtocol.SaslSsl;
        config.SaslMechanism = SaslMechanism.Plain;
        config.SaslUsername = "$ConnectionString";
        config.SaslPassword = connectionString;
        // Event Hubs closes idle connections after 240 s and caps the session timeout: Microsoft's recommended client values.
        config.SocketKeepaliveEnable = true;
        config.MetadataMaxAgeMs = 180_000;
        config.ConnectionsMaxIdleMs = 180_000;
        config.SessionTimeoutMs = 30_000;
        foreach (var (key, value) in options.Overrides) config.Set(key, value);
        return config;
    }

    private static ConsumerConfig Common(string servers, string group, KafkaSourceOptions options, bool apply = true)
    {
        var config = new ConsumerConfig
        {
            BootstrapServers = servers,
            GroupId = group,
            // The runtime commits, and only what is durable: nothing is committed or stored behind its back.
            EnableAutoCommit = false,
            EnableAutoOffsetStore = false,
            AutoOffsetReset = options.AutoOffsetReset switch
            {
                "earliest" => Confluent.Kafka.AutoOffsetReset.Earliest,
                "latest" => Confluent.Kafka.AutoOffsetReset.Latest,
                var other => throw new ArgumentException($"AutoOffsetReset: '{other}' is not earliest or latest", nameof(options)),
            },
            EnablePartitionEof = false,
            ClientId = "detection",
        };
        if (apply) foreach (var (key, value) in options.Overrides) config.Set(key, value);
        return config;
    }

    /// <summary>Checks the shape, never echoing the value: messages name only the missing field or the endpoint host.</summary>
    private static void CheckConnectionString(EventHubsSourceUri uri, string connectionString)
    {
        var fields = connectionString.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.Split('=', 2))
            .Where(f => f.Length == 2)
            .GroupBy(f => f[0], StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.First()[1], StringComparer.OrdinalIgnoreCase);
        var variable = uri.ConnectionStringVariable;
        if (!fields.TryGetValue("Endpoint", out var endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var endpointUri))
            throw new SourceException($"the connection string in {variable} has no Endpoint=sb://NAMESPACE.servicebus.windows.net/");
        if (!fields.ContainsKey("SharedAccessKey") && !fields.ContainsKey("SharedAccessSignature"))
            throw new SourceException($"the connection string in {variable} has no SharedAccessKey (or SharedAccessSignature)");
        if (!string.Equals(endpointUri.Host, uri.Namespace, StringComparison.OrdinalIgnoreCase))
            throw new SourceException($"the connection string in {variable} is for {endpointUri.Host}, not {uri.Namespace}");
    }
}
