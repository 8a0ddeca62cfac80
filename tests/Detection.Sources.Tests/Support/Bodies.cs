using System.Globalization;

namespace Detection.Sources.Tests.Support;

/// <summary>Export-format bodies (<c>{"records":[…]}</c>) of Entra sign-ins, each user named so a test can tell them apart.</summary>
internal static class Bodies
{
    public static string SignIn(string user, int second = 0) =>
        "{\"time\":\"2024-05-01T08:00:" + (second % 60).ToString("00", CultureInfo.InvariantCulture)
        + "Z\",\"category\":\"SignInLogs\",\"resultType\":\"0\",\"properties\":{\"userPrincipalName\":\"" + user
        + "\",\"ipAddress\":\"198.51.100.7\"}}";

    public static string Body(params string[] users) => "{\"records\":[" + string.Join(",", users.Select(u => SignIn(u))) + "]}";

    /// <summary>The user principal names in a decoded SigninLogs table.</summary>
    public static List<string> Users(Ingestion.LoadResult result)
    {
        if (!result.Tables.TryGetValue("SigninLogs", out var table)) return [];
        var column = table.Schema.IndexOf("UserPrincipalName");
        return Enumerable.Range(0, (int)table.RowCount).Select(r => (string)table.GetValue(r, column)!).ToList();
    }
}
