namespace Detection.Generator.World;

internal static partial class Catalog
{
    public const string Browser = "Browser";
    public const string Desktop = "Mobile Apps and Desktop clients";

    public static readonly (string Name, string Id) Graph = ("Microsoft Graph", "00000003-0000-0000-c000-000000000000");
    public static readonly (string Name, string Id) Arm = ("Windows Azure Service Management API", "797f4846-ba00-4fd7-ba43-dac1f8f63013");
    public static readonly (string Name, string Id) Exchange = ("Office 365 Exchange Online", "00000002-0000-0ff1-ce00-000000000000");
    public static readonly (string Name, string Id) SharePoint = ("Office 365 SharePoint Online", "00000003-0000-0ff1-ce00-000000000000");
    public static readonly (string Name, string Id) TeamsServices = ("Microsoft Teams Services", "cc15fd57-2c6c-4117-a88c-83b1d56b4bbe");
    public static readonly (string Name, string Id) AadGraph = ("Windows Azure Active Directory", "00000002-0000-0000-c000-000000000000");
    public static readonly (string Name, string Id) KeyVault = ("Azure Key Vault", "cfa8b339-82a2-471a-a3c9-0fc0be7a4093");
    public static readonly (string Name, string Id) Storage = ("Azure Storage", "e406a681-f3d4-42a8-90b6-c2b029497af1");
    public static readonly (string Name, string Id) Sql = ("Azure SQL Database", "022907d3-0f1b-48f7-badc-1ba6abab6d66");

    public static readonly AppInfo OfficeHome = new("OfficeHome", "4765445b-32c6-49b0-83e6-1d93765276ca", Graph.Name, Graph.Id, Browser);
    public static readonly AppInfo Teams = new("Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264", TeamsServices.Name, TeamsServices.Id, Desktop);
    public static readonly AppInfo TeamsGraph = new("Microsoft Teams", "1fec8e78-bce4-4aaf-ab1b-5451cc387264", Graph.Name, Graph.Id, Desktop);
    public static readonly AppInfo Office = new("Microsoft Office", "d3590ed6-52b3-4102-aeff-aad2292ab01c", Exchange.Name, Exchange.Id, Desktop);
    public static readonly AppInfo OfficeSharePoint = new("Microsoft Office", "d3590ed6-52b3-4102-aeff-aad2292ab01c", SharePoint.Name, SharePoint.Id, Desktop);
    public static readonly AppInfo OneDrive = new("OneDrive SyncEngine", "ab9b8c07-8f02-4f72-87fa-80105867a763", SharePoint.Name, SharePoint.Id, Desktop);
    public static readonly AppInfo OutlookMobile = new("Outlook Mobile", "27922004-5251-4030-b22d-91ecd9a37ea4", Exchange.Name, Exchange.Id, Desktop);
    public static readonly AppInfo AzurePortal = new("Azure Portal", "c44b4083-3bb0-49c1-b47d-974e53cbdf3c", Arm.Name, Arm.Id, Browser);
    public static readonly AppInfo AzureCli = new("Microsoft Azure CLI", "04b07795-8ddb-461a-bbee-02f9e1bf7b46", Arm.Name, Arm.Id, Desktop);
    public static readonly AppInfo AadPowerShell = new("Azure Active Directory PowerShell", "1b730954-1685-4b74-9bfd-dac224a7b894", AadGraph.Name, AadGraph.Id, Desktop);

    /// <summary>Apps a user opens interactively at the start of a working session.</summary>
    public static readonly IReadOnlyList<AppInfo> InteractiveApps = [OfficeHome, Teams, Office];

    /// <summary>Apps that refresh tokens in the background during the day.</summary>
    public static readonly IReadOnlyList<AppInfo> BackgroundApps = [TeamsGraph, Teams, Office, OfficeSharePoint, OneDrive];

    public const string MsPimAppId = "01fc33a7-78ba-4d2f-a4b7-768e336e890e";

    public static readonly DirectoryRole GlobalAdministrator = new("Global Administrator", "62e90394-69f5-4237-9190-012177145e10", true);
    public static readonly DirectoryRole PrivilegedRoleAdministrator = new("Privileged Role Administrator", "e8611ab8-c189-46e8-94e1-60213ab1f814", true);
    public static readonly DirectoryRole SecurityAdministrator = new("Security Administrator", "194ae4cb-b126-40b2-bd5b-6091b380977d", true);
    public static readonly DirectoryRole UserAdministrator = new("User Administrator", "fe930be7-5e62-47db-91af-98c3a49a38b1", true);
    public static readonly DirectoryRole ExchangeAdministrator = new("Exchange Administrator", "29232cdf-9323-42fd-ade2-1d097af3e4de", true);
    public static readonly DirectoryRole ApplicationAdministrator = new("Application Administrator", "9b895d92-2cd3-44c7-9d02-a6ac2d5ea5c3", true);
    public static readonly DirectoryRole SecurityReader = new("Security Reader", "5d6b6bb7-de71-4623-b4af-96380a352509", false);
    public static readonly DirectoryRole GlobalReader = new("Global Reader", "f2ef992c-3afb-46b9-b7cf-a126ee74c451", false);

    /// <summary>Roles admins activate through PIM in the normal course of work.</summary>
    public static readonly IReadOnlyList<DirectoryRole> RoutineActivationRoles =
        [UserAdministrator, ExchangeAdministrator, SecurityReader, GlobalReader, SecurityAdministrator, GlobalAdministrator];

    public static readonly IReadOnlyList<(string Id, string Name)> ConditionalAccessPolicies =
    [
        ("5c3e2f6a-1f0b-4d8e-9a57-2b7f3c1d9e41", "Require MFA for all users"),
        ("a8d4b7c2-6e19-4f3a-8c0d-71e5f2a9b364", "Block legacy authentication"),
    ];
}
