namespace Detection.Generator.Events;

/// <summary>The authenticationDetails[] shapes the generator uses.</summary>
internal static class AuthSteps
{
    public static readonly AuthStep PasswordOk = new("Password", true, "Correct password", "Primary authentication", "Password in the cloud");
    public static readonly AuthStep PasswordBad = new("Password", false, "Invalid username or password or Invalid on-premise username or password.", "Primary authentication", "Password in the cloud");
    public static readonly AuthStep PushOk = new("Mobile app notification", true, "MFA successfully completed", "Multi-factor authentication");
    public static readonly AuthStep PushDeclined = new("Mobile app notification", false, Records.ErrorCodes.MfaDeclined, "Multi-factor authentication");
    public static readonly AuthStep PreviouslyFirst = new("Previously satisfied", true, "First factor requirement satisfied by claim in the token", "Primary authentication");
    public static readonly AuthStep PreviouslyMfa = new("Previously satisfied", true, "MFA requirement satisfied by claim in the token", "Multi-factor authentication");

    public static readonly IReadOnlyList<AuthStep> FreshMfa = [PasswordOk, PushOk];
    public static readonly IReadOnlyList<AuthStep> SingleSignOn = [PreviouslyFirst, PreviouslyMfa];
    public static readonly IReadOnlyList<AuthStep> Refresh = [PreviouslyMfa];
    public static readonly IReadOnlyList<AuthStep> BadPassword = [PasswordBad];
    public static readonly IReadOnlyList<AuthStep> PasswordOnly = [PasswordOk];
    public static readonly IReadOnlyList<AuthStep> Declined = [PasswordOk, PushDeclined];
}
