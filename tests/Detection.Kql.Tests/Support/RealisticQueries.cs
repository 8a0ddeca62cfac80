namespace Detection.Kql.Tests.Support;

/// <summary>
/// Detection queries in the style of Sentinel rules (brute force, MFA fatigue, PIM, token replay, risky Azure changes,
/// flows), written for these tests. Each is accepted by the official Kusto.Language against the embedded schemas.
/// </summary>
public static class RealisticQueries
{
    public static readonly string[] Valid =
    [
        "SigninLogs | where TimeGenerated > ago(1d) | where ResultType in (\"50126\", \"50053\") | summarize FailedCount = count(), Users = make_set(UserPrincipalName, 100), dcount(UserPrincipalName) by IPAddress, bin(TimeGenerated, 10m) | where FailedCount > 10",
        "let lookback = 7d; let threshold = 3; SigninLogs | where TimeGenerated > ago(lookback) | extend Country = tostring(LocationDetails.countryOrRegion), City = tostring(LocationDetails.city) | summarize Countries = dcount(Country), CountryList = make_set(Country) by UserPrincipalName | where Countries >= threshold | extend AccountName = tostring(split(UserPrincipalName, \"@\")[0]), UPNSuffix = tostring(split(UserPrincipalName, \"@\")[1])",
        "AuditLogs | where OperationName has_any (\"Add member to role\", \"Add eligible member to role\") | extend Target = tostring(TargetResources[0].userPrincipalName), Role = tostring(parse_json(tostring(TargetResources[0].modifiedProperties))[1].newValue) | extend Initiator = iff(isnotempty(InitiatedBy.user.userPrincipalName), tostring(InitiatedBy.user.userPrincipalName), tostring(InitiatedBy.app.displayName)) | project TimeGenerated, Target, Role, Initiator, CorrelationId",
        "AzureActivity | where OperationNameValue =~ \"MICROSOFT.NETWORK/NETWORKSECURITYGROUPS/SECURITYRULES/WRITE\" and ActivityStatusValue =~ \"Success\" | extend Props = parse_json(Properties) | extend RuleName = tostring(Props.resource) | summarize StartTime = min(TimeGenerated), EndTime = max(TimeGenerated), Count = count() by Caller, CallerIpAddress, ResourceGroup, RuleName",
        "AzureDiagnostics | where ResourceType =~ \"VAULTS\" and OperationName in~ (\"SecretGet\", \"KeyGet\") | summarize Reads = count(), Vaults = dcount(Resource) by CallerIPAddress, Resource, bin(TimeGenerated, 1h) | where Reads > 25",
        "SigninLogs | where ResultType == \"500121\" | extend AuthDetails = todynamic(AuthenticationDetails) | mv-expand AuthDetails | extend Method = tostring(AuthDetails.authenticationMethod), Succeeded = tobool(AuthDetails.succeeded) | summarize Pushes = countif(Method has \"notification\"), Denied = countif(Succeeded == false) by UserPrincipalName, bin(TimeGenerated, 1h) | where Pushes > 5",
        "SigninLogs | project TimeGenerated, UserPrincipalName, IPAddress, SessionId | join kind=inner (AADNonInteractiveUserSignInLogs | project TimeGenerated, UserPrincipalName, IPAddress, SessionId) on SessionId | where IPAddress != IPAddress1 | extend Delta = abs(datetime_diff('minute', TimeGenerated, TimeGenerated1)) | where Delta < 60",
        "let known = SigninLogs | where TimeGenerated between (ago(14d) .. ago(1d)) | distinct UserPrincipalName, AutonomousSystemNumber; SigninLogs | where TimeGenerated > ago(1d) | join kind=leftanti known on UserPrincipalName, AutonomousSystemNumber | project TimeGenerated, UserPrincipalName, AutonomousSystemNumber, IPAddress",
        "AzureNetworkAnalytics_CL | where SubType_s == \"FlowLog\" and FlowType_s == \"ExternalPublic\" | extend DestPort = toint(DestPort_d) | where DestPort in (22, 3389, 5985) | summarize Flows = sum(AllowedInFlows_d), Sources = make_set(SrcPublicIPs_s, 50) by DestIP_s, DestPort",
        "SigninLogs | make-series Fails = countif(ResultType != \"0\") default = 0 on TimeGenerated from ago(14d) to now() step 1h by UserPrincipalName | extend (anomalies, score, baseline) = series_decompose_anomalies(Fails, 2.5, -1, \"linefit\") | mv-expand Fails to typeof(long), TimeGenerated to typeof(datetime), anomalies to typeof(double), score to typeof(double) | where anomalies > 0",
        "IdentityInfo | summarize arg_max(TimeGenerated, *) by AccountUPN | where AssignedRoles has \"Admin\" | project AccountUPN, AssignedRoles, Department",
        "AuditLogs | where OperationName == \"Update application - Certificates and secrets management\" | mv-apply Prop = TargetResources[0].modifiedProperties on (where Prop.displayName == \"KeyDescription\" | extend NewKeys = tostring(Prop.newValue)) | project TimeGenerated, NewKeys, InitiatedBy",
        "SigninLogs | extend Hour = datetime_part(\"hour\", TimeGenerated), Day = dayofweek(TimeGenerated) | where Hour < 6 or Hour > 20 or Day == 6d or Day == 0d | summarize count() by UserPrincipalName",
        "let watch = _GetWatchlist('HighValueAssets') | project SearchKey; SigninLogs | where UserPrincipalName in~ (watch)",
        "SigninLogs | where isnotempty(RiskEventTypes_V2) | extend Risks = todynamic(RiskEventTypes_V2) | mv-expand Risk = Risks to typeof(string) | summarize count() by Risk, RiskLevelDuringSignIn",
        "AzureActivity | where TimeGenerated > ago(1d) | extend Parts = split(ResourceId, \"/\") | extend Sub = tostring(Parts[2]), Provider = tostring(Parts[-3]) | summarize by Sub, Provider | order by Sub asc",
        "SigninLogs | where ConditionalAccessStatus =~ \"failure\" | mv-expand CAP = ConditionalAccessPolicies | where CAP.result == \"failure\" | summarize Policies = make_set(tostring(CAP.displayName)) by UserPrincipalName | extend PolicyCount = array_length(Policies)",
        "union isfuzzy=true (SigninLogs | extend Kind = \"interactive\"), (AADNonInteractiveUserSignInLogs | extend Kind = \"noninteractive\") | summarize Logons = count() by Kind, UserPrincipalName | top 10 by Logons desc",
        "AuditLogs | where Category == \"RoleManagement\" | extend Role = tostring(TargetResources[0].displayName) | lookup kind=leftouter (IdentityInfo | summarize arg_max(TimeGenerated, Department) by AccountUPN | project Target = AccountUPN, Department) on $left.Role == $right.Target",
        "SigninLogs | summarize Apps = make_list(AppDisplayName) by UserPrincipalName | extend n = array_length(Apps) | where n between (2 .. 10) | project-away Apps",
        "SigninLogs | where UserAgent matches regex @\"(?i)python|curl|wget\" | project TimeGenerated, UserPrincipalName, UserAgent, IPAddress | sort by TimeGenerated desc | take 100",
        "let Ranges = datatable(Range: string)[\"10.0.0.0/8\", \"192.168.0.0/16\"]; SigninLogs | where not(ipv4_is_in_any_range(IPAddress, \"10.0.0.0/8\", \"172.16.0.0/12\")) | where ipv4_is_private(IPAddress) == false",
        "SigninLogs | extend Loc = strcat(tostring(LocationDetails.city), \", \", tostring(LocationDetails.state)) | summarize FirstSeen = min(TimeGenerated), LastSeen = max(TimeGenerated) by UserPrincipalName, Loc | where FirstSeen > ago(1d)",
        "AuditLogs | where OperationName =~ \"Consent to application\" | extend Scopes = extract_all(@\"Scope: ([^,]+)\", tostring(TargetResources[0].modifiedProperties)) | where array_length(Scopes) > 0 | project TimeGenerated, Scopes",
        "SigninLogs | where TimeGenerated > ago(2h) | summarize arg_min(TimeGenerated, IPAddress, Location), arg_max(TimeGenerated, IPAddress, Location) by UserPrincipalName | where Location != Location1",
        "SigninLogs | serialize | extend Prev = prev(TimeGenerated), PrevUser = prev(UserPrincipalName) | where UserPrincipalName == PrevUser and TimeGenerated - Prev < 1m",
        "AzureActivity | parse Caller with User \"@\" Domain | where isnotempty(Domain) | summarize dcount(User) by Domain",
        "SigninLogs | extend Status = case(ResultType == \"0\", \"Success\", ResultType in (\"50126\", \"50053\"), \"Failure\", \"Other\") | summarize count() by Status",
        "SigninLogs | where TimeGenerated > startofday(ago(1d)) and TimeGenerated < endofday(ago(1d)) | summarize Count = count() by format_datetime(TimeGenerated, \"yyyy-MM-dd HH\")",
        "SigninLogs | evaluate bag_unpack(DeviceDetail) | project-reorder operatingSystem",
        "let isAdmin = (u: string) { u has \"admin\" }; SigninLogs | where isAdmin(UserPrincipalName) | take 5",
        "let T = datatable(a: string, b: long)[\"x\", 1, \"y\", 2]; T | where a == \"x\" | extend c = b * 2 | summarize sum(c)",
        "let maxT = toscalar(SigninLogs | summarize max(TimeGenerated)); SigninLogs | where TimeGenerated > maxT - 1h",
        "SigninLogs | where UserPrincipalName in~ ((IdentityInfo | where AssignedRoles has \"Admin\" | project AccountUPN))",
        "let f = (T: (UserPrincipalName: string, TimeGenerated: datetime)) { T | summarize Last = max(TimeGenerated) by UserPrincipalName }; SigninLogs | invoke f()",
        "SigninLogs | extend Details = iff(isnotempty(DeviceDetail), DeviceDetail, dynamic(null)) | extend OS = tostring(Details.operatingSystem) | summarize count() by OS",
        "SigninLogs | summarize Apps = make_set(AppDisplayName) by UserPrincipalName | mv-expand App = Apps to typeof(string) | summarize Users = dcount(UserPrincipalName) by App",
        "AuditLogs | extend Props = TargetResources[0].modifiedProperties | mv-apply p = Props on (summarize Names = make_list(tostring(p.displayName)), Olds = make_list(tostring(p.oldValue))) | project TimeGenerated, Names, Olds",
        "SigninLogs | where TimeGenerated > ago(1d) | summarize Count = count() by UserPrincipalName, bin(TimeGenerated, 1h) | summarize Avg = avg(Count), Max = max(Count), P95 = percentile(Count, 95) by UserPrincipalName | where Max > 3 * Avg",
        "SigninLogs | project TimeGenerated, UserPrincipalName, Country = tostring(LocationDetails.countryOrRegion) | sort by UserPrincipalName asc, TimeGenerated asc | extend PrevCountry = prev(Country), PrevUser = prev(UserPrincipalName), PrevTime = prev(TimeGenerated) | where UserPrincipalName == PrevUser and Country != PrevCountry and TimeGenerated - PrevTime < 2h",
        "AzureActivity | summarize arg_max(TimeGenerated, *) by CorrelationId | where ActivityStatusValue in (\"Success\", \"Succeeded\") | project-keep TimeGenerated, Caller, OperationNameValue, ResourceGroup",
        "SigninLogs | extend d = bag_pack(\"user\", UserPrincipalName, \"ip\", IPAddress) | extend u = tostring(d.user) | project u, d",
        "SigninLogs | summarize by UserPrincipalName, IPAddress | summarize IPs = count() by UserPrincipalName | where IPs > 5 | join kind=inner (SigninLogs | summarize LastSeen = max(TimeGenerated) by UserPrincipalName) on UserPrincipalName | project UserPrincipalName, IPs, LastSeen",
        "AuditLogs | where TimeGenerated > ago(7d) | where OperationName startswith \"Add\" and Result =~ \"success\" | extend InitiatorUpn = tostring(InitiatedBy.user.userPrincipalName), InitiatorIp = tostring(InitiatedBy.user.ipAddress) | where isnotempty(InitiatorIp) and not(ipv4_is_private(InitiatorIp)) | summarize Ops = make_set(OperationName, 20) by InitiatorUpn, InitiatorIp",
        "SigninLogs | where AppDisplayName has_all (\"Azure\", \"Portal\") or AppDisplayName hassuffix \"Portal\" | count",
    ];
}
