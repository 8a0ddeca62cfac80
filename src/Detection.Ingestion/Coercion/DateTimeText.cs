using System.Globalization;
using System.Text;

namespace Detection.Ingestion.Coercion;

/// <summary>
/// Date-times as the inputs write them, always returned as UTC: ISO 8601 with any number of fraction digits and an
/// optional offset (no offset means UTC), the portal's US style <c>4/28/2021, 2:08:45.221 PM</c>, and what .NET's
/// invariant parser accepts.
/// </summary>
internal static class DateTimeText
{
    private static readonly string[] UsFormats =
    [
        "M/d/yyyy, h:mm:ss.FFFFFFF tt", "M/d/yyyy h:mm:ss.FFFFFFF tt", "M/d/yyyy, h:mm tt", "M/d/yyyy h:mm tt",
        "M/d/yyyy, H:mm:ss.FFFFFFF", "M/d/yyyy H:mm:ss.FFFFFFF", "M/d/yyyy",
    ];

    public static bool TryParse(ReadOnlySpan<byte> utf8, out DateTime value)
    {
        utf8 = utf8.Trim(" \t\r\n"u8);
        if (TryParseIso(utf8, out value)) return true;
        if (utf8.Length > 64) return false;
        Span<char> chars = stackalloc char[utf8.Length];
        var n = Encoding.UTF8.GetChars(utf8, chars);
        return TryParseText(chars[..n], out value);
    }

    public static bool TryParseText(ReadOnlySpan<char> text, out DateTime value)
    {
        const DateTimeStyles styles = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces;
        if (DateTime.TryParseExact(text, UsFormats, CultureInfo.InvariantCulture, styles, out value)
            || DateTime.TryParse(text, CultureInfo.InvariantCulture, styles, out value))
        {
            value = DateTime.SpecifyKind(value, DateTimeKind.Utc);
            return true;
        }
        return false;
    }

    /// <summary>yyyy-MM-dd[Thh:mm[:ss[.f…]]][Z|±hh[:]mm], the hot path of every export record.</summary>
    private static bool TryParseIso(ReadOnlySpan<byte> s, out DateTime value)
    {
        value = default;
        if (s.Length < 10 || s[4] != '-' || s[7] != '-') return false;
        if (!Digits(s, 0, 4, out var year) || !Digits(s, 5, 2, out var month) || !Digits(s, 8, 2, out var day)) return false;
        int hour = 0, minute = 0, second = 0;
        long ticks = 0;
        var i = 10;
        if (i < s.Length && (s[i] == 'T' || s[i] == 't' || s[i] == ' '))
        {
            if (s.Length < i + 6 || !Digits(s, i + 1, 2, out hour) || s[i + 3] != ':' || !Digits(s, i + 4, 2, out minute)) return false;
            i += 6;
            if (i < s.Length && s[i] == ':')
            {
                if (!Digits(s, i + 1, 2, out second)) return false;
                i += 3;
                if (i < s.Length && (s[i] == '.' || s[i] == ','))
                {
                    i++;
                    var scale = 1_000_000L;
                    var any = false;
                    while (i < s.Length && (uint)(s[i] - '0') <= 9)
                    {
                        ticks += (s[i] - '0') * scale;
                        scale /= 10;
                        i++;
                        any = true;
                    }
                    if (!any) return false;
                }
            }
        }
        var offset = TimeSpan.Zero;
        if (i < s.Length)
        {
            if (s[i] is (byte)'Z' or (byte)'z' && i + 1 == s.Length)
            {
                i++;
            }
            else if (s[i] is (byte)'+' or (byte)'-')
            {
                var sign = s[i] == '-' ? -1 : 1;
                if (!Digits(s, i + 1, 2, out var oh)) return false;
                var j = i + 3;
                if (j < s.Length && s[j] == ':') j++;
                var om = 0;
                if (j < s.Length)
                {
                    if (!Digits(s, j, 2, out om)) return false;
                    j += 2;
                }
                if (j != s.Length || oh > 14 || om > 59) return false;
                offset = new TimeSpan(sign * oh, sign * om, 0);
                i = j;
            }
            else
            {
                return false;
            }
        }
        if (i != s.Length || month is < 1 or > 12 || day < 1 || year is < 2 or > 9998 || day > DateTime.DaysInMonth(year, month)
            || hour > 23 || minute > 59 || second > 59) return false;
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        value = DateTime.SpecifyKind(local - offset, DateTimeKind.Utc);
        return true;
    }

    private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
    {
        value = 0;
        if (start + count > s.Length) return false;
        for (var i = start; i < start + count; i++)
        {
            var d = s[i] - '0';
            if ((uint)d > 9) return false;
            value = value * 10 + d;
        }
        return true;
    }
}
