using System.Globalization;
using Detection.Generator.Randomness;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Events;

/// <summary>Builds audit events: PIM workflow steps, Core Directory role changes and other directory changes.</summary>
internal sealed class AuditFactory(Prng random, WorldModel world)
{
    public const string Pim = "PIM";
    public const string CoreDirectory = "Core Directory";

    public Initiator User(Person p, string ip) => new(p.DisplayName, Wire.Guid(p.Id), p.UserPrincipalName, ip);

    public Initiator MsPim => new("MS-PIM", AppId: Catalog.MsPimAppId, ServicePrincipalId: Wire.Guid(world.MsPimServicePrincipalId));

    public static Initiator App(string name, string appId, string servicePrincipalId) => new(name, AppId: appId, ServicePrincipalId: servicePrincipalId);

    /// <summary>A step of a PIM workflow (logged by PIM): targets are the role, the member and the request.</summary>
    public AuditEvent PimStep(DateTime time, string activity, Initiator by, Person member, DirectoryRole role, Guid correlation, Guid requestId,
        string operationType, string? justification = null, TimeSpan? duration = null)
    {
        var details = new List<KeyValuePair<string, string>>
        {
            new("RoleDefinitionOriginId", role.TemplateId),
            new("RoleDefinitionOriginType", "BuiltInRole"),
            new("TemplateId", role.TemplateId),
        };
        if (justification is not null) details.Add(new("Justification", justification));
        if (duration is { } d)
        {
            details.Add(new("StartTime", Wire.Time(time)));
            details.Add(new("ExpirationTime", Wire.Time(time + d)));
        }
        return new AuditEvent
        {
            Time = time,
            Activity = activity,
            Category = "RoleManagement",
            LoggedByService = Pim,
            OperationType = operationType,
            CorrelationId = correlation,
            Id = Wire.Guid(random.NextGuid()),
            InitiatedBy = by,
            Targets =
            [
                new TargetResource(role.TemplateId, role.Name, "Role"),
                new TargetResource(Wire.Guid(member.Id), member.DisplayName, "User", member.UserPrincipalName),
                new TargetResource(Wire.Guid(requestId), "", "Request"),
            ],
            AdditionalDetails = details,
        };
    }

    /// <summary>A Core Directory role membership change ("Add member to role", "Remove member from role", "Add eligible member to role").</summary>
    public AuditEvent DirectoryRoleChange(DateTime time, string activity, Initiator by, Person member, DirectoryRole role, Guid correlation)
    {
        var adding = activity.StartsWith("Add", StringComparison.Ordinal);
        string Quoted(string v) => $"\"{v}\"";
        return new AuditEvent
        {
            Time = time,
            Activity = activity,
            Category = "RoleManagement",
            LoggedByService = CoreDirectory,
            OperationType = adding ? "Assign" : "Unassign",
            CorrelationId = correlation,
            Id = DirectoryId(correlation),
            InitiatedBy = by,
            Targets =
            [
                new TargetResource(Wire.Guid(member.Id), member.DisplayName, "User", member.UserPrincipalName,
                [
                    new("Role.ObjectID", adding ? null : Quoted(role.TemplateId), adding ? Quoted(role.TemplateId) : null),
                    new("Role.DisplayName", adding ? null : Quoted(role.Name), adding ? Quoted(role.Name) : null),
                    new("Role.TemplateId", adding ? null : Quoted(role.TemplateId), adding ? Quoted(role.TemplateId) : null),
                    new("Role.WellKnownObjectName", adding ? null : Quoted(role.Name.Replace(" ", "", StringComparison.Ordinal)),
                        adding ? Quoted(role.Name.Replace(" ", "", StringComparison.Ordinal)) : null),
                ]),
            ],
        };
    }

    /// <summary>Any other directory change.</summary>
    public AuditEvent Directory(DateTime time, string activity, string category, string operationType, Initiator by,
        IReadOnlyList<TargetResource> targets, string service = CoreDirectory)
    {
        var correlation = random.NextGuid();
        return new AuditEvent
        {
            Time = time,
            Activity = activity,
            Category = category,
            LoggedByService = service,
            OperationType = operationType,
            CorrelationId = correlation,
            Id = service == CoreDirectory ? DirectoryId(correlation) : Wire.Guid(random.NextGuid()),
            InitiatedBy = by,
            Targets = targets,
        };
    }

    private string DirectoryId(Guid correlation)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        var tag = new string(Enumerable.Range(0, 5).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
        return $"Directory_{Wire.Guid(correlation)}_{tag}_{random.Between(100_000_000, 999_999_999).ToString(CultureInfo.InvariantCulture)}";
    }
}
