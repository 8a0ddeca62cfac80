using Detection.Generator.Randomness;
using Detection.Generator.World;

namespace Detection.Generator.Events;

/// <summary>The audit trail of a PIM role activation, as PIM and Core Directory log it.</summary>
internal static class PimWorkflows
{
    /// <summary>
    /// Request (by the member), optional approval (requested by MS-PIM, granted by <paramref name="approver"/>),
    /// completion (PIM, by the member) and the directory's own "Add member to role" written by MS-PIM; then, in
    /// <c>Expiry</c>, the removal when the activation ends.
    /// </summary>
    public static (List<AuditEvent> Activation, List<AuditEvent> Expiry) Activation(
        AuditFactory audit, Prng random, Person member, string memberIp, Person? approver, string? approverIp,
        DirectoryRole role, DateTime requested, TimeSpan duration, string justification)
    {
        var correlation = random.NextGuid();
        var request = random.NextGuid();
        var by = audit.User(member, memberIp);
        var events = new List<AuditEvent>
        {
            audit.PimStep(requested, "Add member to role requested (PIM activation)", by, member, role, correlation, request, "Add", justification, duration),
        };
        var t = requested;
        if (approver is not null)
        {
            t = t.AddSeconds(random.Between(1, 3));
            events.Add(audit.PimStep(t, "Add member to role approval requested (PIM activation)", audit.MsPim, member, role, correlation, request, "Add"));
            t = t.AddMinutes(random.Between(2.0, 25.0));
            events.Add(audit.PimStep(t, "Add member to role request approved (PIM activation)", audit.User(approver, approverIp ?? memberIp),
                member, role, correlation, request, "Update"));
        }
        t = t.AddSeconds(random.Between(2, 8));
        events.Add(audit.PimStep(t, "Add member to role completed (PIM activation)", by, member, role, correlation, request, "Add", justification, duration));
        events.Add(audit.DirectoryRoleChange(t.AddSeconds(1), "Add member to role", audit.MsPim, member, role, correlation));

        var end = t + duration;
        var expiryCorrelation = random.NextGuid();
        var expiry = new List<AuditEvent>
        {
            audit.PimStep(end, "Remove member from role (PIM activation expired)", audit.MsPim, member, role, expiryCorrelation, request, "Delete"),
            audit.DirectoryRoleChange(end.AddSeconds(1), "Remove member from role", audit.MsPim, member, role, expiryCorrelation),
        };
        return (events, expiry);
    }
}
