using Detection.Service.Live;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Detection.Service.Hosting;

/// <summary>Runs the <see cref="LiveRunner"/> as a hosted service and stops the host when the run ends (exit code in <see cref="LiveResult"/>).</summary>
internal sealed class LiveService(LiveRunner runner, LiveResult result, IHostApplicationLifetime lifetime, ILogger<LiveService> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            result.Exit = await runner.RunAsync(stoppingToken).ConfigureAwait(false);
            result.ExitCode = 0;
        }
        catch (Exception e) when (e is ArgumentException or Sources.SourceException or InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            log.LogError("detect run: {Message}", e.Message);
            result.ExitCode = e is ArgumentException ? 2 : 1;
        }
        catch (Exception e)
        {
            log.LogCritical(e, "detect run failed");
            result.ExitCode = 1;
        }
        finally
        {
            lifetime.StopApplication();
        }
    }
}

/// <summary>How the hosted run ended: 0 done (stopped or completed), 1 failed, 2 unusable settings.</summary>
public sealed class LiveResult
{
    public int ExitCode { get; set; } = 1;

    public LiveExit? Exit { get; set; }
}
