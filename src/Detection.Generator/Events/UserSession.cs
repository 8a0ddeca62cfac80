using Detection.Generator.World;

namespace Detection.Generator.Events;

/// <summary>
/// A browser or app session of one account on one device from one network: interactive sign-ins and the
/// non-interactive refreshes that follow share its <see cref="SessionId"/>. Attackers get sessions too (their own, or
/// a stolen one with a different <see cref="Origin"/>).
/// </summary>
internal sealed record UserSession(string UserId, string UserPrincipalName, string DisplayName, Device Device, NetworkOrigin Origin, string SessionId)
{
    public static UserSession For(Person person, Device device, NetworkOrigin origin, Guid sessionId) =>
        new(Records.Wire.Guid(person.Id), person.UserPrincipalName, person.DisplayName, device, origin, Records.Wire.Guid(sessionId));

    /// <summary>The same session used from somewhere else (a replayed token).</summary>
    public UserSession From(NetworkOrigin origin, Device device) => this with { Origin = origin, Device = device };
}
