using System.Collections.Concurrent;
using Detection.Tables;

namespace Detection.Runtime.Windows;

/// <summary>
/// Windows by table and bounds, each computed once and shared by the runs that read it (the rules due at one instant,
/// which may run in parallel). Thread-safe: a run that needs a window another run is computing waits for that one
/// computation. The engine clears it whenever the store may change (after each advance).
/// </summary>
internal sealed class WindowCache
{
    private readonly ConcurrentDictionary<(string Table, DateTime From, DateTime To), Lazy<Table>> _windows = new();

    public Table Get(TableWindow window, DateTime from, DateTime to) =>
        _windows.GetOrAdd((window.Schema.Name, from, to), static (key, window) => new Lazy<Table>(() => window.Window(key.From, key.To)), window).Value;

    public void Clear() => _windows.Clear();
}
