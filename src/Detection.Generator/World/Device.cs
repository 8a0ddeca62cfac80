namespace Detection.Generator.World;

/// <summary>A user's device as it appears in <c>properties.deviceDetail</c> plus the user agent its browser sends.</summary>
internal sealed record Device(
    string DeviceId,
    string DisplayName,
    string OperatingSystem,
    string Browser,
    string UserAgent,
    bool IsCompliant,
    bool IsManaged,
    string TrustType);
