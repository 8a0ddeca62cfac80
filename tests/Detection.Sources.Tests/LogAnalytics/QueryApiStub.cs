using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Detection.Sources.Tests.LogAnalytics;

/// <summary>
/// The Log Analytics query API as a local HTTPS server (Kestrel on 127.0.0.1, a self-signed certificate made here): it
/// answers <c>POST /v1/workspaces/{id}/query</c> with the API's shape for the rows of the queried table in the request's
/// timespan, cuts results over <see cref="RowLimit"/> with a PartialError as the API does, and fails the requests the
/// test names with the status it names.
/// </summary>
internal sealed class QueryApiStub : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;
    private int _requests;

    public QueryApiStub(IReadOnlyDictionary<string, List<(DateTime Time, string User)>> tables, string token)
    {
        _certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(_certificate)));
        _app = builder.Build();
        _app.MapPost("/v1/workspaces/{id}/query", async (HttpContext http) =>
        {
            var n = Interlocked.Increment(ref _requests);
            if (http.Request.Headers.Authorization.ToString() != $"Bearer {token}") return Results.StatusCode(401);
            if (Failures.TryGetValue(n, out var status))
            {
                if (status == 429) http.Response.Headers.RetryAfter = "1";
                return Results.Json(new { error = new { code = status == 429 ? "ThrottledError" : "ServiceError", message = "try later" } }, statusCode: status);
            }
            using var body = await JsonDocument.ParseAsync(http.Request.Body);
            var query = body.RootElement.GetProperty("query").GetString()!;
            var span = body.RootElement.GetProperty("timespan").GetString()!.Split('/');
            var from = DateTime.Parse(span[0], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var to = DateTime.Parse(span[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal);
            var table = query.Split(' ')[0];
            Queries.Add((table, from, to));
            var rows = tables[table].Where(r => r.Time >= from && r.Time < to).OrderBy(r => r.Time).ToList();
            var cut = rows.Count > RowLimit;
            var result = new Dictionary<string, object>
            {
                ["tables"] = new[]
                {
                    new
                    {
                        name = "PrimaryResult",
                        columns = new[] { Column("TenantId", "string"), Column("TimeGenerated", "datetime"), Column("UserPrincipalName", "string"), Column("Type", "string") },
                        rows = rows.Take(RowLimit).Select(r => new object?[] { "t-1", r.Time.ToString("O", CultureInfo.InvariantCulture), r.User, table }).ToArray(),
                    },
                },
            };
            if (cut)
                result["error"] = new { code = "PartialError", message = "There were some errors when processing your query.", details = new[] { new { code = "EngineError", message = "Query result set has exceeded the internal record count limit" } } };
            // A .NET string cannot be serialized with a lone surrogate in it; the marker becomes its escape, as a service may send.
            var json = JsonSerializer.Serialize(result).Replace(LoneSurrogate, "\\ud800", StringComparison.Ordinal);
            return Results.Content(json, "application/json");
        });
        _app.StartAsync().GetAwaiter().GetResult();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        BaseUri = new Uri(address.EndsWith('/') ? address : address + "/");
    }

    /// <summary>In a user name, sent as the escape of a lone surrogate (<c>\ud800</c>), which no .NET string serializes to.</summary>
    public const string LoneSurrogate = "LONE_SURROGATE";

    public Uri BaseUri { get; }

    public int RowLimit { get; set; } = int.MaxValue;

    /// <summary>Request number (1-based) → HTTP status to answer instead of a result.</summary>
    public Dictionary<int, int> Failures { get; } = [];

    public List<(string Table, DateTime From, DateTime To)> Queries { get; } = [];

    public int Requests => _requests;

    /// <summary>A transport that trusts this stub's certificate, and only it.</summary>
    public HttpPipelineTransport Transport => new HttpClientTransport(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, _) => cert?.Thumbprint == _certificate.Thumbprint,
    });

    private static object Column(string name, string type) => new { name, type };

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var ephemeral = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }
}
