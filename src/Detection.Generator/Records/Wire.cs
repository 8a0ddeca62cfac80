using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Detection.Generator.Randomness;

namespace Detection.Generator.Records;

/// <summary>Formatting shared by the record writers: timestamps as Azure writes them, JSON options, token ids.</summary>
internal static class Wire
{
    /// <summary>
    /// Relaxed escaping: Azure writes '+', '&amp;' and non-ASCII letters as they are, and so do we (the default encoder
    /// would turn "+00:00" into "\u002B00:00"). Quotes, backslashes and control characters are still escaped.
    /// </summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
        SkipValidation = false,
    };

    /// <summary>2026-11-02T08:15:02.5168093Z: the top-level <c>time</c>.</summary>
    public static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>2026-11-02T08:15:02.5168093+00:00: <c>createdDateTime</c>, <c>activityDateTime</c>.</summary>
    public static string TimeWithOffset(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'+00:00'", CultureInfo.InvariantCulture);

    public static long UnixSeconds(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalSeconds;

    public static long UnixMilliseconds(DateTime utc) => (long)(utc - DateTime.UnixEpoch).TotalMilliseconds;

    public static string Guid(Guid g) => g.ToString("D");

    /// <summary>A token id as Entra prints it: 16 random bytes in unpadded base64url (22 characters).</summary>
    public static string TokenId(Prng random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static string Invariant(long value) => value.ToString(CultureInfo.InvariantCulture);
}
