using Detection.Generator.Randomness;
using Detection.Generator.Records;
using Detection.Generator.World;

namespace Detection.Generator.Events;

/// <summary>Builds sign-in events with fresh ids from one random stream.</summary>
internal sealed class SignInFactory(Prng random)
{
    /// <summary>Sub-second noise, so records built at whole-second offsets do not share their fractional seconds.</summary>
    private DateTime Jitter(DateTime time) => time.AddTicks(random.Next((int)TimeSpan.TicksPerSecond));

    /// <summary>An interactive sign-in. Success needs MFA (fresh or satisfied by the session) unless <paramref name="steps"/> say otherwise.</summary>
    public SignIn Interactive(UserSession s, DateTime time, AppInfo app, int errorCode, IReadOnlyList<AuthStep> steps,
        string? additionalDetails = null, Guid? correlationId = null, string risk = "none") =>
        new()
        {
            Time = Jitter(time),
            Kind = SignInKind.Interactive,
            Id = random.NextGuid(),
            CorrelationId = correlationId ?? random.NextGuid(),
            Origin = s.Origin,
            UniqueTokenIdentifier = Wire.TokenId(random),
            ErrorCode = errorCode,
            AdditionalDetails = additionalDetails,
            UserId = s.UserId,
            UserPrincipalName = s.UserPrincipalName,
            UserDisplayName = s.DisplayName,
            App = app,
            Device = s.Device,
            SessionId = s.SessionId,
            AuthenticationRequirement = steps.Any(x => x.StepRequirement == "Multi-factor authentication") || errorCode is ErrorCodes.StrongAuthRequired or ErrorCodes.MfaRequired
                ? "multiFactorAuthentication" : "singleFactorAuthentication",
            AuthenticationDetails = steps,
            MfaMethod = steps.Any(x => x.Method == "Mobile app notification") ? "Mobile app notification" : null,
            RiskLevelDuringSignIn = risk,
            ProcessingTimeMs = random.Between(60, 400),
        };

    /// <summary>A non-interactive token refresh in <paramref name="s"/>'s session.</summary>
    public SignIn Refresh(UserSession s, DateTime time, AppInfo app, string? uniqueTokenIdentifier = null, bool mfaClaim = true) =>
        new()
        {
            Time = Jitter(time),
            Kind = SignInKind.NonInteractive,
            Id = random.NextGuid(),
            CorrelationId = random.NextGuid(),
            Origin = s.Origin,
            UniqueTokenIdentifier = uniqueTokenIdentifier ?? Wire.TokenId(random),
            UserId = s.UserId,
            UserPrincipalName = s.UserPrincipalName,
            UserDisplayName = s.DisplayName,
            App = app,
            Device = s.Device,
            SessionId = s.SessionId,
            AuthenticationRequirement = mfaClaim ? "multiFactorAuthentication" : "singleFactorAuthentication",
            AuthenticationDetails = mfaClaim ? AuthSteps.Refresh : [AuthSteps.PreviouslyFirst],
            AdditionalDetails = mfaClaim ? "MFA requirement satisfied by claim in the token" : null,
            ProcessingTimeMs = random.Between(20, 250),
        };

    public SignIn ServicePrincipal(ServicePrincipal sp, DateTime time, (string Name, string Id) resource) =>
        new()
        {
            Time = Jitter(time),
            Kind = SignInKind.ServicePrincipal,
            Id = random.NextGuid(),
            CorrelationId = random.NextGuid(),
            Origin = sp.Origin,
            UniqueTokenIdentifier = Wire.TokenId(random),
            ServicePrincipalId = Wire.Guid(sp.ObjectId),
            ServicePrincipalName = sp.Name,
            WorkloadAppId = Wire.Guid(sp.AppId),
            CredentialKeyId = sp.ClientCredentialType is "clientSecret" or "certificate" ? Wire.Guid(sp.CredentialKeyId) : null,
            ClientCredentialType = sp.ClientCredentialType,
            Resource = resource,
            ProcessingTimeMs = random.Between(30, 200),
        };

    public SignIn ManagedIdentity(ManagedIdentity mi, DateTime time, (string Name, string Id) resource) =>
        new()
        {
            Time = Jitter(time),
            Kind = SignInKind.ManagedIdentity,
            Id = random.NextGuid(),
            CorrelationId = random.NextGuid(),
            Origin = mi.Origin,
            UniqueTokenIdentifier = Wire.TokenId(random),
            ServicePrincipalId = Wire.Guid(mi.ObjectId),
            ServicePrincipalName = mi.Name,
            WorkloadAppId = Wire.Guid(mi.AppId),
            ClientCredentialType = "managedIdentity",
            Resource = resource,
            ManagedIdentity = mi,
            ProcessingTimeMs = random.Between(10, 120),
        };
}
