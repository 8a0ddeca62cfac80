using Detection.Incidents.Storage;
using Detection.Runtime.Output;
using Detection.Testing;
using static Detection.Runtime.Tests.Support.Harness;

namespace Detection.Runtime.Tests.Output;

public sealed class IncidentRecorderTests
{
    [Fact]
    public void A_recorder_that_forgets_stores_and_counts_the_same_as_one_that_remembers_but_keeps_no_alerts()
    {
        using var directory = new TempDirectory();
        var (remembered, rememberedIncidents) = Record(directory.File("remember.db"), remember: true);
        var (forgotten, forgottenIncidents) = Record(directory.File("forget.db"), remember: false);

        // Four hourly runs each find the hour's one event: four alerts, each its own incident (no grouping).
        Assert.Equal(4, remembered.AlertCount);
        Assert.Equal(4, remembered.IncidentChanges);
        Assert.Equal(4, remembered.Alerts.Count);
        Assert.Equal(4, remembered.IncidentIds.Count);
        Assert.Equal(4, forgotten.AlertCount);
        Assert.Equal(4, forgotten.IncidentChanges);
        Assert.Empty(forgotten.Alerts);
        Assert.Empty(forgotten.IncidentIds);
        Assert.Equal(rememberedIncidents, forgottenIncidents);
        Assert.Equal(remembered.IncidentIds.Order(), forgottenIncidents);
    }

    private static (IncidentRecorder Recorder, List<string> StoredIncidents) Record(string path, bool remember)
    {
        using var store = SqliteIncidentStore.Open(path);
        var recorder = new IncidentRecorder(store, remember);
        var (engine, _) = NewEngine(Options(), Rule("hourly", "Events"));
        using (engine)
        using (engine.Outcomes.Subscribe(recorder))
            ReplayFourHours(engine);
        return (recorder, store.List().Select(i => i.Id).Order().ToList());
    }
}
