using Detection.Service.Live;
using Detection.Service.Observability;
using Detection.Service.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Detection.Service.Hosting;

/// <summary>Wires the live service into a host.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Adds the live run (<see cref="LiveRunner"/> as a hosted service that stops the host when it ends), its metrics, and
    /// the health endpoint on 127.0.0.1 when <see cref="LiveOptions.HealthPort"/> is set. Validates the options now.
    /// </summary>
    public static IServiceCollection AddDetectionService(this IServiceCollection services, LiveOptions options)
    {
        options.Validate();
        services.AddSingleton(options);
        services.AddSingleton<LiveMetrics>();
        services.AddSingleton<LiveResult>();
        services.AddSingleton(sp => new LiveRunner(options, sp.GetRequiredService<ILoggerFactory>(), sp.GetRequiredService<LiveMetrics>()));
        services.AddHostedService<LiveService>();
        if (options.HealthPort is { } port)
        {
            services.AddSingleton<MetricsSnapshot>();
            services.AddHostedService(sp => new HealthEndpoint(port, sp.GetRequiredService<LiveRunner>(),
                sp.GetRequiredService<MetricsSnapshot>(), options.Clock, sp.GetRequiredService<ILogger<HealthEndpoint>>()));
        }
        services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(30));
        return services;
    }
}
