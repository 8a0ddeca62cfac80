using Detection.Incidents.Alerts;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;
using Detection.Incidents.Storage;
using Detection.Incidents.Tests.Support;
using Microsoft.Data.Sqlite;
using static Detection.Incidents.Tests.Support.TestTables;

namespace Detection.Incidents.Tests.Storage;

public sealed class UpdateTests : StoreTestBase
{
    [Fact]
    public void Closing_requires_a_classification()
    {
        Process(10);
        var id = Assert.Single(Temp.Store.List()).Id;

        var refused = Temp.Store.Update(id, new IncidentUpdate { Status = IncidentStatus.Closed });
        var closed = Temp.Store.Update(id, new IncidentUpdate { Status = IncidentStatus.Closed, Classification = IncidentClassification.BenignPositive });

        Assert.Equal(UpdateOutcome.Invalid, refused.Outcome);
        Assert.Equal(UpdateOutcome.Updated, closed.Outcome);
        Assert.Equal(IncidentClassification.BenignPositive, Temp.Store.Get(id)!.Classification);
    }

    [Fact]
    public void A_classification_without_closing_is_refused_and_reopening_clears_it()
    {
        Process(10);
        var id = Assert.Single(Temp.Store.List()).Id;

        Assert.Equal(UpdateOutcome.Invalid, Temp.Store.Update(id, new IncidentUpdate { Classification = IncidentClassification.TruePositive }).Outcome);
        Temp.Store.Update(id, new IncidentUpdate { Status = IncidentStatus.Closed, Classification = IncidentClassification.TruePositive });
        var reopened = Temp.Store.Update(id, new IncidentUpdate { Status = IncidentStatus.Active });

        Assert.Equal(IncidentStatus.Active, reopened.Incident!.Status);
        Assert.Null(reopened.Incident.Classification);
    }

    [Fact]
    public void Updates_are_stamped_by_the_injected_clock_and_recorded_in_the_timeline()
    {
        Process(10);
        var id = Assert.Single(Temp.Store.List()).Id;

        Temp.Store.Update(id, new IncidentUpdate { Status = IncidentStatus.Active, Owner = "ann", Comment = "on it", Author = "ann" });

        var incident = Temp.Store.Get(id)!;
        Assert.Equal(Temp.Clock.Now.UtcDateTime, incident.LastModifiedTime);
        Assert.Equal(["created", "alert", "status", "owner", "comment"], Temp.Store.Timeline(id).Select(e => e.Kind));
        Assert.Equal(new Comment(Temp.Clock.Now.UtcDateTime, "ann", "on it"), Assert.Single(Temp.Store.Comments(id)));
    }

    [Fact]
    public void An_update_that_changes_nothing_writes_nothing_and_an_unknown_id_is_not_found()
    {
        Process(10);
        var id = Assert.Single(Temp.Store.List()).Id;

        Assert.Equal(UpdateOutcome.Unchanged, Temp.Store.Update(id, new IncidentUpdate { Status = IncidentStatus.New }).Outcome);
        Assert.Equal(UpdateOutcome.NotFound, Temp.Store.Update("no-such-incident", new IncidentUpdate { Owner = "x" }).Outcome);
        Assert.Single(Temp.Store.AllOutbox());
    }
}
