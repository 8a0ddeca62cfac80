using System.Security.Cryptography;
using System.Text;

namespace Detection.Incidents;

/// <summary>Ids derived from content: the same parts always give the same id (a GUID-shaped SHA-256 prefix). Pure and thread-safe.</summary>
public static class ContentIds
{
    public static string From(params string[] parts)
    {
        // A unit separator keeps ("ab","c") and ("a","bc") apart.
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001f', parts)));
        return new Guid(hash.AsSpan(0, 16)).ToString("D");
    }

    /// <summary>A short hex hash of a text (16 hex digits), for row keys and match keys.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 8));
}
