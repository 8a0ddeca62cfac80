namespace Detection.Generator.World;

internal static partial class Catalog
{
    public static readonly IReadOnlyList<string> FirstNames =
    [
        "Adele", "Alex", "Amara", "Ana", "Arjun", "Ben", "Bianca", "Carlos", "Chen", "Chloe", "Daniel", "Deepa", "Diego",
        "Elena", "Emeka", "Emma", "Farah", "Felix", "Grace", "Hana", "Hugo", "Ines", "Isaac", "Jana", "Jonas", "Julia",
        "Kai", "Kavya", "Lars", "Leila", "Liam", "Lucia", "Maya", "Mei", "Mohammed", "Nadia", "Niamh", "Noah", "Olivia",
        "Omar", "Priya", "Rahul", "Rosa", "Sam", "Sara", "Sean", "Sofia", "Tariq", "Tom", "Yuki", "Zoe", "Zoë",
    ];

    public static readonly IReadOnlyList<string> LastNames =
    [
        "Adeyemi", "Bauer", "Brennan", "Chen", "Costa", "Das", "Dubois", "Fischer", "Garcia", "Gupta", "Hansen", "Ito",
        "Jensen", "Kaur", "Kelly", "Kim", "Kowalski", "Lee", "Lopez", "Martin", "Meyer", "Murphy", "Nair", "Nguyen",
        "O'Brien", "Okafor", "Patel", "Perez", "Reddy", "Rossi", "Schmidt", "Silva", "Singh", "Smith", "Tanaka", "Taylor",
        "Walsh", "Weber", "Williams", "Wong", "Yamada", "Zimmermann",
    ];

    /// <summary>Service accounts: user objects used by scripts and appliances (never interactive).</summary>
    public static readonly IReadOnlyList<(string Alias, string DisplayName)> ServiceAccounts =
    [
        ("svc-backup", "Backup Service Account"),
        ("svc-reporting", "Reporting Service Account"),
    ];

    public static readonly IReadOnlyList<string> Justifications =
    [
        "Weekly user access review", "Mailbox permission request INC0012", "Investigate security alert",
        "Onboarding new starters", "Change CHG-2041 approved in CAB", "Reset MFA for a user", "Quarterly audit evidence",
    ];
}
