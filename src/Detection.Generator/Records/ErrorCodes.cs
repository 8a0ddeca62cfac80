namespace Detection.Generator.Records;

/// <summary>Entra sign-in error codes the generator emits and their failure reasons (FORMATS.md (c)).</summary>
internal static class ErrorCodes
{
    public const int Success = 0;
    public const int InvalidPassword = 50126;
    public const int AccountNotFound = 50034;
    public const int Locked = 50053;
    public const int StrongAuthRequired = 50074;
    public const int MfaRequired = 50076;
    public const int KmsiInterrupt = 50140;
    public const int MfaFailed = 500121;

    public const string MfaDeclined = "MFA denied; user declined the authentication";

    /// <summary>The failure reason Entra writes for <paramref name="code"/>, or null for success.</summary>
    public static string? Describe(int code) => code switch
    {
        Success => null,
        InvalidPassword => "Error validating credentials due to invalid username or password.",
        AccountNotFound => "User account does not exist in the directory. To sign into this application, the account must be added to the directory.",
        Locked => "Account is locked because user tried to sign in too many times with an incorrect user ID or password.",
        StrongAuthRequired => "Strong Authentication is required.",
        MfaRequired => "Due to a configuration change made by your administrator, or because you moved to a new location, you must use multi-factor authentication to access the resource.",
        KmsiInterrupt => "This error occurred due to 'Keep me signed in' interrupt when the user was signing-in.",
        MfaFailed => "Authentication failed during strong authentication request.",
        _ => "Other.",
    };
}
