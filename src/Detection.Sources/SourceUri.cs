using System.Globalization;

namespace Detection.Sources;

/// <summary>
/// Where <c>detect run --source</c> reads from. <see cref="Parse"/> accepts
/// <c>kafka://HOST:PORT[,HOST:PORT…]/TOPIC?group=G</c>,
/// <c>eventhubs://NAMESPACE.servicebus.windows.net/HUB[?consumerGroup=G&amp;connectionStringVariable=VAR]</c>,
/// <c>loganalytics://WORKSPACE_ID?tables=A,B&amp;from=DATETIME[&amp;to=DATETIME]</c>, <c>file://PATH[?follow=true]</c>,
/// a plain path, and <c>-</c> (standard input). A URI holds no secret, so its <see cref="object.ToString"/> is safe to log.
/// </summary>
public abstract record SourceUri
{
    /// <summary>True when the source is read as a member of a consumer group (Kafka, Event Hubs): it delivers messages only
    /// while the group has assigned it partitions, and joining the group can take up to the group's session timeout.</summary>
    public virtual bool IsConsumerGroup => false;

    /// <summary>Parses a source; a bad one throws <see cref="SourceUriException"/> naming the bad part.</summary>
    public static SourceUri Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        text = text.Trim();
        if (text.Length == 0) throw new SourceUriException("source", "the source is empty");
        if (text == "-") return new StdinSourceUri();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0) return new FileSourceUri(text, Follow: false);
        var scheme = text[..schemeEnd].ToLowerInvariant();
        var rest = text[(schemeEnd + 3)..];
        var queryStart = rest.IndexOf('?');
        var query = UriQuery.Parse(queryStart < 0 ? "" : rest[(queryStart + 1)..]);
        var body = queryStart < 0 ? rest : rest[..queryStart];
        SourceUri uri = scheme switch
        {
            "kafka" => KafkaSourceUri.FromParts(body, query),
            "eventhubs" => EventHubsSourceUri.FromParts(body, query),
            "loganalytics" => LogAnalyticsSourceUri.FromParts(body, query),
            "file" => FileSourceUri.FromParts(body, query),
            _ => throw new SourceUriException("scheme", $"unknown scheme '{scheme}' (expected kafka://, eventhubs://, loganalytics://, file://, a path, or - for standard input)"),
        };
        query.ThrowOnUnused(scheme);
        return uri;
    }

    internal static (string Host, int Port) HostPort(string text, int defaultPort, string part)
    {
        var colon = text.LastIndexOf(':');
        if (colon < 0) return (RequireHost(text, part), defaultPort);
        var portText = text[(colon + 1)..];
        if (!int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > 65535)
            throw new SourceUriException(part, $"'{portText}' is not a port number (1-65535)");
        return (RequireHost(text[..colon], part), port);
    }

    private static string RequireHost(string host, string part)
    {
        if (host.Length == 0 || host.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or '[' or ']' or ':')))
            throw new SourceUriException(part, $"'{host}' is not a host name");
        return host;
    }
}

/// <summary>A Kafka topic read by a consumer group.</summary>
/// <param name="BootstrapServers">Comma-separated <c>host:port</c> (port 9092 when left out).</param>
public sealed record KafkaSourceUri(string BootstrapServers, string Topic, string Group) : SourceUri
{
    public override bool IsConsumerGroup => true;

    internal static KafkaSourceUri FromParts(string body, UriQuery query)
    {
        var (hosts, topic) = SplitPath(body, "kafka://HOST:PORT/TOPIC?group=G");
        var servers = string.Join(",", hosts.Split(',').Select(h => SourceUri.HostPort(h, 9092, "host")).Select(h => $"{h.Host}:{h.Port}"));
        var group = query.Take("group") ?? throw new SourceUriException("group", "the consumer group is missing: add ?group=NAME");
        if (group.Length == 0) throw new SourceUriException("group", "the consumer group is empty");
        return new KafkaSourceUri(servers, topic, group);
    }

    internal static (string Hosts, string Topic) SplitPath(string body, string form)
    {
        var slash = body.IndexOf('/');
        if (slash < 0 || slash == body.Length - 1)
            throw new SourceUriException("topic", $"the topic is missing (expected {form})");
        if (slash == 0) throw new SourceUriException("host", $"the host is missing (expected {form})");
        var topic = Uri.UnescapeDataString(body[(slash + 1)..].TrimEnd('/'));
        if (topic.Contains('/') || topic.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-')))
            throw new SourceUriException("topic", $"'{topic}' is not a topic name (letters, digits, '.', '_', '-')");
        return (body[..slash], topic);
    }

    public override string ToString() => $"kafka://{BootstrapServers}/{Topic}?group={Group}";
}

/// <summary>
/// An event hub read through the namespace's Kafka endpoint (port 9093, TLS, SASL PLAIN with the user name
/// <c>$ConnectionString</c>). The connection string is read from the environment variable
/// <see cref="ConnectionStringVariable"/> when the source is opened; it is never part of the URI.
/// </summary>
public sealed record EventHubsSourceUri(string Namespace, int Port, string Hub, string ConsumerGroup, string ConnectionStringVariable) : SourceUri
{
    public const string DefaultConnectionStringVariable = "DETECTION_EVENTHUBS_CONNECTION_STRING";

    public override bool IsConsumerGroup => true;

    internal static EventHubsSourceUri FromParts(string body, UriQuery query)
    {
        var (host, hub) = KafkaSourceUri.SplitPath(body, "eventhubs://NAMESPACE.servicebus.windows.net/HUB");
        var (name, port) = SourceUri.HostPort(host, 9093, "namespace");
        if (!name.Contains('.')) name += ".servicebus.windows.net";
        var group = query.Take("consumerGroup") ?? "$Default";
        if (group.Length == 0) throw new SourceUriException("consumerGroup", "the consumer group is empty");
        var variable = query.Take("connectionStringVariable") ?? DefaultConnectionStringVariable;
        if (variable.Length == 0 || variable.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
            throw new SourceUriException("connectionStringVariable", $"'{variable}' is not an environment variable name");
        return new EventHubsSourceUri(name, port, hub, group, variable);
    }

    public override string ToString() =>
        $"eventhubs://{Namespace}{(Port == 9093 ? "" : $":{Port}")}/{Hub}?consumerGroup={ConsumerGroup}&connectionStringVariable={ConnectionStringVariable}";
}

/// <summary>Tables of a Log Analytics workspace over [<see cref="From"/>, <see cref="To"/>); no <see cref="To"/> means "now" when the source opens.</summary>
public sealed record LogAnalyticsSourceUri(Guid WorkspaceId, IReadOnlyList<string> Tables, DateTimeOffset From, DateTimeOffset? To) : SourceUri
{
    internal static LogAnalyticsSourceUri FromParts(string body, UriQuery query)
    {
        var id = body.TrimEnd('/');
        if (!Guid.TryParse(id, out var workspace))
            throw new SourceUriException("workspace", $"'{id}' is not a workspace ID (a GUID)");
        var tablesText = query.Take("tables") ?? throw new SourceUriException("tables", "the tables are missing: add ?tables=SigninLogs,AuditLogs");
        var tables = tablesText.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (tables.Length == 0) throw new SourceUriException("tables", "no table named");
        foreach (var t in tables)
            if (!char.IsAsciiLetter(t[0]) || t.Any(c => !(char.IsAsciiLetterOrDigit(c) || c == '_')))
                throw new SourceUriException("tables", $"'{t}' is not a table name");
        var from = Time(query.Take("from") ?? throw new SourceUriException("from", "the start is missing: add &from=2024-05-01T00:00:00Z"), "from");
        var to = query.Take("to") is { } toText ? Time(toText, "to") : (DateTimeOffset?)null;
        if (to <= from) throw new SourceUriException("to", "'to' must be after 'from'");
        return new LogAnalyticsSourceUri(workspace, tables, from, to);
    }

    private static DateTimeOffset Time(string text, string part) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var t)
            ? t
            : throw new SourceUriException(part, $"'{text}' is not a date-time (ISO 8601, e.g. 2024-05-01T00:00:00Z)");

    public override string ToString() =>
        $"loganalytics://{WorkspaceId}?tables={string.Join(",", Tables)}&from={From.UtcDateTime:O}{(To is { } to ? $"&to={to.UtcDateTime:O}" : "")}";
}

/// <summary>A file or folder; with <see cref="Follow"/>, new files and appended lines are read as they come.</summary>
public sealed record FileSourceUri(string Path, bool Follow) : SourceUri
{
    internal static FileSourceUri FromParts(string body, UriQuery query)
    {
        var path = Uri.UnescapeDataString(body);
        if (path.Length == 0) throw new SourceUriException("path", "the path is missing (expected file://DIR)");
        var follow = query.Take("follow") switch
        {
            null or "false" => false,
            "true" => true,
            var other => throw new SourceUriException("follow", $"'{other}' is not true or false"),
        };
        return new FileSourceUri(path, follow);
    }

    public override string ToString() => Follow ? $"file://{Path}?follow=true" : Path;
}

/// <summary>Standard input: bodies, JSON lines or CSV, read until it closes.</summary>
public sealed record StdinSourceUri : SourceUri
{
    public override string ToString() => "-";
}

/// <summary>A bad source URI; <see cref="Part"/> names the bad part (<c>scheme</c>, <c>host</c>, <c>topic</c>, <c>group</c>, a query parameter …).</summary>
public sealed class SourceUriException(string part, string message) : FormatException($"source {part}: {message}")
{
    public string Part { get; } = part;
}
