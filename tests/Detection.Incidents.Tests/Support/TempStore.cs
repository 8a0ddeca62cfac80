using Detection.Incidents.Storage;
using Detection.Testing;

namespace Detection.Incidents.Tests.Support;

/// <summary>A store in a fresh temp folder, with a fixed clock; deleted on dispose.</summary>
internal sealed class TempStore : IDisposable
{
    private readonly TempDirectory _directory = new();

    public TempStore()
    {
        Path = _directory.File("incidents.db");
        Store = SqliteIncidentStore.Open(Path, Clock);
    }

    public string Path { get; }

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero));

    public SqliteIncidentStore Store { get; private set; }

    /// <summary>Closes and opens the file again, as a new process would.</summary>
    public SqliteIncidentStore Reopen()
    {
        Store.Dispose();
        Store = SqliteIncidentStore.Open(Path, Clock);
        return Store;
    }

    public void Dispose()
    {
        Store.Dispose();
        _directory.Dispose();
    }
}
