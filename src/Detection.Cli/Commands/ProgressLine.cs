using System.Diagnostics;
using System.Globalization;
using Detection.Runtime.Replay;

namespace Detection.Cli.Commands;

/// <summary>
/// A one-line progress bar on standard error for long replays, redrawn at most five times a second and erased at the
/// end. Only when standard error is a terminal: redirected output (CI, scripts) gets no progress noise.
/// </summary>
internal sealed class ProgressLine(TextWriter error) : IProgress<ReplayProgress>, IDisposable
{
    private readonly Stopwatch _sinceDraw = Stopwatch.StartNew();
    private bool _drawn;

    public static ProgressLine? ForConsole(TextWriter error) =>
        ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected ? new ProgressLine(error) : null;

    public void Report(ReplayProgress value)
    {
        if (_drawn && _sinceDraw.ElapsedMilliseconds < 200) return;
        _sinceDraw.Restart();
        var done = Math.Clamp(value.Fraction, 0, 1);
        var bar = new string('#', (int)(done * 30)).PadRight(30, '.');
        error.Write(string.Create(CultureInfo.InvariantCulture, $"\rreplay [{bar}] {done:P0}  {value.Time:yyyy-MM-dd HH:mm}Z  {value.RowsFed:N0} rows "));
        _drawn = true;
    }

    public void Dispose()
    {
        if (!_drawn) return;
        error.Write("\r" + new string(' ', 90) + "\r");
        _drawn = false;
    }
}
