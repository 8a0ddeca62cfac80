using Detection.Service.Options;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Detection.Service.Hosting;

/// <summary><c>detect run</c>'s host: Microsoft.Extensions.Hosting with the console lifetime (SIGTERM and Ctrl-C stop it
/// gracefully), Serilog, and the live service.</summary>
public static class LiveHost
{
    /// <summary>Builds the host; <paramref name="secrets"/> are values no log line may contain (e.g. the connection string).</summary>
    public static IHost Build(LiveOptions options, IEnumerable<string?> secrets)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, Args = [] });
        builder.Logging.AddDetectionLogging(options.LogFile, secrets);
        builder.Services.AddSingleton(options.Clock);
        builder.Services.AddDetectionService(options);
        return builder.Build();
    }

    /// <summary>Runs until the run ends or the process is asked to stop; returns the exit code.</summary>
    public static async Task<int> RunAsync(LiveOptions options, IEnumerable<string?> secrets)
    {
        using var host = Build(options, secrets);
        var result = host.Services.GetRequiredService<LiveResult>();
        await host.RunAsync().ConfigureAwait(false); // disposes the host
        return result.ExitCode;
    }
}
