using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Detection.Incidents.Grouping;
using Detection.Incidents.Model;

namespace Detection.Incidents.Storage;

/// <summary>An analyst's change to an incident; null members are left as they are.</summary>
public sealed record IncidentUpdate
{
    public IncidentStatus? Status { get; init; }

    public IncidentClassification? Classification { get; init; }

    /// <summary>The new owner; the empty string unassigns.</summary>
    public string? Owner { get; init; }

    public string? Comment { get; init; }

    public string Author { get; init; } = "analyst";

    public ImmutableArray<string> AddLabels { get; init; } = [];

    public bool IsEmpty => Status is null && Classification is null && Owner is null && string.IsNullOrWhiteSpace(Comment) && AddLabels.IsDefaultOrEmpty;
}

/// <summary>What <see cref="SqliteIncidentStore.Update"/> did.</summary>
public enum UpdateOutcome
{
    Updated,
    Unchanged,
    NotFound,
    Invalid,
}

/// <summary>The outcome, the incident after the update (null when not found) and, for Invalid, why.</summary>
public sealed record UpdateResult(UpdateOutcome Outcome, Incident? Incident, string? Error = null);

public sealed partial class SqliteIncidentStore
{
    /// <summary>
    /// Applies an analyst's update at the injected clock's time, in one transaction with its outbox message. Closing
    /// requires a classification (given now, or kept from before), as in Sentinel; a classification is only given when
    /// the incident ends up closed; reopening clears it. An update that changes nothing writes nothing.
    /// </summary>
    public UpdateResult Update(string idOrPrefix, IncidentUpdate update)
    {
        var current = Get(idOrPrefix);
        if (current is null) return new UpdateResult(UpdateOutcome.NotFound, null, $"no incident '{idOrPrefix}'");
        var status = update.Status ?? current.Status;
        var classification = status != IncidentStatus.Closed ? null : update.Classification ?? current.Classification;
        if (update.Classification is not null && status != IncidentStatus.Closed)
            return new UpdateResult(UpdateOutcome.Invalid, current, "a classification is given when closing the incident (--status Closed)");
        if (status == IncidentStatus.Closed && classification is null)
            return new UpdateResult(UpdateOutcome.Invalid, current, "closing an incident requires a classification (TruePositive, BenignPositive, FalsePositive or Undetermined)");

        var owner = update.Owner is null ? current.Owner : update.Owner.Trim() is { Length: > 0 } o ? o : null;
        var comment = update.Comment?.Trim() is { Length: > 0 } c ? c : null;
        var labels = update.AddLabels.IsDefaultOrEmpty ? [] : update.AddLabels.Select(l => l.Trim()).Where(l => l.Length > 0 && !current.Labels.Contains(l)).Distinct().ToImmutableArray();
        var now = _clock.GetUtcNow().UtcDateTime;
        var events = new List<(string Kind, string Detail)>();
        if (status != current.Status) events.Add(("status", $"{current.Status} → {status}"));
        if (classification != current.Classification && classification is not null) events.Add(("classification", classification.Value.ToString()));
        if (owner != current.Owner) events.Add(("owner", owner ?? "(unassigned)"));
        foreach (var label in labels) events.Add(("label", label));
        if (comment is not null) events.Add(("comment", $"{update.Author}: {comment}"));
        if (events.Count == 0) return new UpdateResult(UpdateOutcome.Unchanged, current);

        var updated = current with
        {
            Status = status,
            Classification = classification,
            Owner = owner,
            Labels = current.Labels.AddRange(labels).Order(StringComparer.Ordinal).ToImmutableArray(),
            LastModifiedTime = now,
            Version = current.Version + 1,
        };
        using var transaction = _connection.BeginTransaction();
        WriteIncident(updated, isNew: false, current.AlertIds.Length, transaction);
        if (comment is not null)
        {
            using var command = Command("INSERT INTO comments (incident_id, time, author, text) VALUES ($i, $t, $a, $x)",
                transaction, ("$i", updated.Id), ("$t", Times.Write(now)), ("$a", update.Author), ("$x", comment));
            command.ExecuteNonQuery();
        }
        foreach (var (kind, detail) in events) AddTimeline(updated.Id, now, kind, detail, transaction);
        var extra = new JsonObject();
        if (comment is not null) extra["comment"] = new JsonObject { ["author"] = update.Author, ["text"] = comment };
        Enqueue(updated, ChangeKind.Updated, now, extra, transaction);
        BeforeCommit?.Invoke();
        transaction.Commit();
        return new UpdateResult(UpdateOutcome.Updated, updated);
    }
}
