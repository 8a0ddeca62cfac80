using Detection.Evaluation.Tests.Support;
using Detection.Tables;

namespace Detection.Evaluation.Tests.Detections;

/// <summary>A dozen detection queries of the kind Sentinel rules are made of, on small hand-built tables (chunks of 3 rows).</summary>
public class DetectionQueryTests
{
    private static readonly Table SigninLogs = Data.Table("SigninLogs",
        "(TimeGenerated: datetime, UserPrincipalName: string, IPAddress: string, ResultType: string, AppDisplayName: string, LocationDetails: dynamic, Status: dynamic)",
        [
            ["2026-11-02T08:01:00Z", "alice@contoso.com", "203.0.113.7", "50126", "Azure Portal", """{"countryOrRegion":"US"}""", """{"errorCode":50126}"""],
            ["2026-11-02T08:02:00Z", "bob@contoso.com", "203.0.113.7", "50126", "Azure Portal", """{"countryOrRegion":"US"}""", """{"errorCode":50126}"""],
            ["2026-11-02T08:03:00Z", "carol@contoso.com", "203.0.113.7", "50126", "Azure Portal", """{"countryOrRegion":"US"}""", """{"errorCode":50126}"""],
            ["2026-11-02T08:04:00Z", "dave@contoso.com", "203.0.113.7", "50126", "Office 365", """{"countryOrRegion":"US"}""", """{"errorCode":50126}"""],
            ["2026-11-02T08:20:00Z", "carol@contoso.com", "203.0.113.7", "0", "Office 365", """{"countryOrRegion":"US"}""", """{"errorCode":0}"""],
            ["2026-11-02T09:10:00Z", "alice@contoso.com", "198.51.100.1", "0", "Azure Portal", """{"countryOrRegion":"FR"}""", """{"errorCode":0}"""],
            ["2026-11-02T09:15:00Z", "alice@contoso.com", "192.0.2.5", "500121", "Azure Portal", """{"countryOrRegion":"US"}""", """{"errorCode":500121}"""],
            ["2026-11-02T09:16:00Z", "alice@contoso.com", "192.0.2.5", "500121", "Azure Portal", """{"countryOrRegion":"US"}""", """{"errorCode":500121}"""],
            ["2026-11-02T23:30:00Z", "erin@contoso.com", "10.0.0.8", "0", "VPN", """{"countryOrRegion":"US"}""", """{"errorCode":0}"""],
        ], chunkRows: 3);

    private static readonly Table AuditLogs = Data.Table("AuditLogs",
        "(TimeGenerated: datetime, OperationName: string, InitiatedBy: dynamic, TargetResources: dynamic)",
        [
            ["2026-11-02T10:00:00Z", "Add member to role", """{"user":{"userPrincipalName":"mallory@contoso.com"}}""",
                """[{"userPrincipalName":"bob@contoso.com","modifiedProperties":[{"displayName":"Role.DisplayName","newValue":"\"Global Administrator\""}]}]"""],
            ["2026-11-02T10:05:00Z", "Consent to application", """{"user":{"userPrincipalName":"bob@contoso.com"}}""", """[{"displayName":"Evil App"}]"""],
            ["2026-11-02T10:06:00Z", "Update user", """{"app":{"displayName":"Sync"}}""", """[{"userPrincipalName":"carol@contoso.com"}]"""],
        ], chunkRows: 2);

    private static readonly Table SecurityEvent = Data.Table("SecurityEvent",
        "(TimeGenerated: datetime, EventID: int, Account: string, Computer: string, LogonType: int)",
        [
            ["2026-11-02T10:00:00Z", 4624, @"CONTOSO\svc", "HOST1", 3],
            ["2026-11-02T10:01:00Z", 4624, @"CONTOSO\svc", "HOST2", 10],
            ["2026-11-02T10:02:00Z", 4624, @"CONTOSO\svc", "HOST3", 3],
            ["2026-11-02T10:03:00Z", 4624, @"CONTOSO\bob", "HOST1", 2],
            ["2026-11-02T10:04:00Z", 4625, @"CONTOSO\bob", "HOST2", 3],
        ]);

    private static void Check(string expected, string query) => Data.Check(expected, query, SigninLogs, AuditLogs, SecurityEvent);

    [Fact]
    public void Password_spray_many_users_from_one_address_per_hour() => Check("""
        IPAddress:string | TimeGenerated:datetime | Users:long | Attempts:long
        203.0.113.7 | 2026-11-02T08:00:00Z | 4 | 4
        """, """
        SigninLogs
        | where ResultType == 50126
        | summarize Users = dcount(UserPrincipalName), Attempts = count() by IPAddress, bin(TimeGenerated, 1h)
        | where Users >= 3
        """);

    [Fact]
    public void Spray_followed_by_a_success_from_the_same_address() => Check("""
        UserPrincipalName:string | IPAddress:string | FirstFailure:datetime | Success:datetime
        carol@contoso.com | 203.0.113.7 | 2026-11-02T08:03:00Z | 2026-11-02T08:20:00Z
        """, """
        let failures = SigninLogs | where ResultType == "50126" | summarize FirstFailure = min(TimeGenerated) by UserPrincipalName, IPAddress;
        let successes = SigninLogs | where ResultType == "0" | project UserPrincipalName, IPAddress, Success = TimeGenerated;
        failures
        | join kind=inner successes on UserPrincipalName, IPAddress
        | where Success between (FirstFailure .. 1h)
        | project UserPrincipalName, IPAddress, FirstFailure, Success
        """);

    [Fact]
    public void Sign_ins_from_several_countries() => Check("""
        UserPrincipalName:string | Countries:dynamic
        alice@contoso.com | ["US","FR"]
        """, """
        SigninLogs
        | extend Country = tostring(LocationDetails.countryOrRegion)
        | summarize Countries = make_set(Country) by UserPrincipalName
        | where array_length(Countries) > 1
        """);

    [Fact]
    public void Repeated_mfa_failures_by_status_code() => Check("""
        UserPrincipalName:string | count_:long | LastIp:string
        alice@contoso.com | 2 | 192.0.2.5
        """, """
        SigninLogs
        | where Status.errorCode == 500121
        | summarize count(), LastIp = take_any(IPAddress) by UserPrincipalName
        | top 3 by count_
        """);

    [Fact]
    public void Role_assignment_to_global_admin() => Check("""
        TimeGenerated:datetime | Actor:string | Target:string | Role:string
        2026-11-02T10:00:00Z | mallory@contoso.com | bob@contoso.com | Global Administrator
        """, """
        AuditLogs
        | where OperationName == "Add member to role"
        | mv-expand TargetResources
        | mv-expand Property = TargetResources.modifiedProperties
        | where Property.displayName == "Role.DisplayName"
        | extend Role = trim('"', tostring(Property.newValue))
        | where Role contains "admin"
        | project TimeGenerated, Actor = tostring(InitiatedBy.user.userPrincipalName), Target = tostring(TargetResources.userPrincipalName), Role
        """);

    [Fact]
    public void Consent_to_an_application_names_the_app_and_the_user() => Check("""
        App:string | User:string
        Evil App | bob@contoso.com
        """, """
        AuditLogs
        | where OperationName has "consent"
        | project App = tostring(TargetResources[0].displayName), User = tostring(InitiatedBy.user.userPrincipalName)
        """);

    [Fact]
    public void Sign_ins_from_a_watchlist_of_addresses() => Check("""
        UserPrincipalName:string | IPAddress:string
        alice@contoso.com | 192.0.2.5
        """, """
        let blocked = datatable(ip: string, reason: string) ["192.0.2.5", "tor", "198.18.0.1", "scanner"];
        SigninLogs
        | where IPAddress in ((blocked | project ip))
        | distinct UserPrincipalName, IPAddress
        """);

    [Fact]
    public void Off_hours_successes_outside_private_ranges() => Check("""
        UserPrincipalName:string | Hour:int | Private:bool
        erin@contoso.com | 23 | true
        """, """
        SigninLogs
        | where ResultType == "0"
        | extend Hour = hourofday(TimeGenerated), Private = ipv4_is_private(IPAddress)
        | where Hour !between (6 .. 20)
        | project UserPrincipalName, Hour, Private
        """);

    [Fact]
    public void Lateral_movement_one_account_on_many_hosts() => Check("""
        Account:string | Hosts:long | Computers:dynamic
        CONTOSO\svc | 3 | ["HOST1","HOST2","HOST3"]
        """, """
        SecurityEvent
        | where EventID == 4624 and LogonType in (3, 10)
        | summarize Hosts = dcount(Computer), Computers = make_set(Computer) by Account
        | where Hosts > 2
        """);

    [Fact]
    public void Hourly_volume_above_the_average_uses_toscalar() => Check("""
        TimeGenerated:datetime | n:long | Average:real
        2026-11-02T08:00:00Z | 5 | 3
        """, """
        let hourly = SigninLogs | summarize n = count() by bin(TimeGenerated, 1h);
        let average = toscalar(hourly | summarize avg(n));
        hourly
        | extend Average = average
        | where n > average
        """);

    [Fact]
    public void Recent_activity_relative_to_the_evaluation_clock() => Check("""
        Count:long
        6
        """, """
        union withsource=Table SigninLogs, AuditLogs
        | where TimeGenerated > ago(3h) and TimeGenerated <= now()
        | count
        """);

    [Fact]
    public void Failures_without_a_later_success_use_leftanti() => Check("""
        UserPrincipalName:string
        alice@contoso.com
        bob@contoso.com
        dave@contoso.com
        """, """
        SigninLogs
        | where ResultType != "0"
        | distinct UserPrincipalName
        | join kind=leftanti (SigninLogs | where ResultType == "0" and AppDisplayName != "Azure Portal") on UserPrincipalName
        """);

    [Fact]
    public void Application_extracted_with_a_regex_and_counted() => Check("""
        Product:string | Count:long
        Azure | 6
        Office | 2
        VPN | 1
        """, """
        SigninLogs
        | extend Product = extract(@"^(\w+)", 1, AppDisplayName)
        | summarize Count = count() by Product
        | sort by Count desc, Product asc
        """);
}
