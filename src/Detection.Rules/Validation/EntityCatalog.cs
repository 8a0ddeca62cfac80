namespace Detection.Rules.Validation;

/// <summary>
/// The entity types Sentinel's entity mappings accept and the identifiers of each (from the Sentinel entity
/// reference, "Entity types and identifiers"). Matching is case-insensitive, as the service accepts.
/// </summary>
public static class EntityCatalog
{
    private static readonly Dictionary<string, string[]> Identifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Account"] = ["Name", "FullName", "NTDomain", "DnsDomain", "UPNSuffix", "Sid", "AadTenantId", "AadUserId", "PUID", "IsDomainJoined", "DisplayName", "ObjectGuid", "CloudAppAccountId"],
        ["Host"] = ["DnsDomain", "NTDomain", "HostName", "FullName", "NetBiosName", "AzureID", "OMSAgentID", "OSFamily", "OSVersion", "IsDomainJoined"],
        ["IP"] = ["Address", "AddressScope"],
        ["URL"] = ["Url"],
        ["AzureResource"] = ["ResourceId"],
        ["CloudApplication"] = ["AppId", "Name", "InstanceName"],
        ["DNS"] = ["DomainName"],
        ["File"] = ["Directory", "Name"],
        ["FileHash"] = ["Algorithm", "Value"],
        ["Process"] = ["ProcessId", "CommandLine", "ElevationToken", "CreationTimeUtc"],
        ["Malware"] = ["Name", "Category"],
        ["RegistryKey"] = ["Hive", "Key"],
        ["RegistryValue"] = ["Name", "Value", "ValueType"],
        ["SecurityGroup"] = ["DistinguishedName", "SID", "ObjectGuid"],
        ["Mailbox"] = ["MailboxPrimaryAddress", "DisplayName", "Upn", "ExternalDirectoryObjectId", "RiskLevel"],
        ["MailCluster"] = ["NetworkMessageIds", "CountByDeliveryStatus", "CountByThreatType", "CountByProtectionStatus", "Threats", "Query", "QueryTime", "MailCount", "IsVolumeAnomaly", "Source", "ClusterSourceIdentifier", "ClusterSourceType", "ClusterQueryStartTime", "ClusterQueryEndTime", "ClusterGroup"],
        ["MailMessage"] = ["Recipient", "Urls", "Threats", "Sender", "P1Sender", "P1SenderDisplayName", "P1SenderDomain", "SenderIP", "P2Sender", "P2SenderDisplayName", "P2SenderDomain", "ReceivedDate", "NetworkMessageId", "InternetMessageId", "Subject", "BodyFingerprintBin1", "BodyFingerprintBin2", "BodyFingerprintBin3", "BodyFingerprintBin4", "BodyFingerprintBin5", "AntispamDirection", "DeliveryAction", "DeliveryLocation", "Language", "ThreatDetectionMethods"],
        ["SubmissionMail"] = ["SubmissionId", "SubmissionDate", "Submitter", "NetworkMessageId", "Timestamp", "Recipient", "Sender", "SenderIp", "Subject", "ReportType"],
        ["IoTDevice"] = ["IoTHub", "DeviceId", "DeviceName", "IoTSecurityAgentId", "DeviceType", "Source", "SourceRef", "Manufacturer", "Model", "OperatingSystem", "IpAddress", "MacAddress", "Protocols", "SerialNumber"],
    };

    public static bool IsEntityType(string type) => Identifiers.ContainsKey(type);

    public static bool IsIdentifier(string type, string identifier) =>
        Identifiers.TryGetValue(type, out var ids) && ids.Contains(identifier, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<string> IdentifiersOf(string type) => Identifiers.TryGetValue(type, out var ids) ? ids : [];

    public static IEnumerable<string> EntityTypes => Identifiers.Keys.Order(StringComparer.Ordinal);
}
