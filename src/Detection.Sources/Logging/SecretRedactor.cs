using System.Text.RegularExpressions;

namespace Detection.Sources.Logging;

/// <summary>
/// Removes secrets from text before it reaches a log or an exception: the exact values this source was given (a
/// connection string, its key) and anything shaped like a shared access key, signature or bearer token, whoever wrote it
/// (librdkafka, Azure.Core, a broker's error). Thread-safe.
/// </summary>
public sealed partial class SecretRedactor
{
    private readonly string[] _secrets;

    public SecretRedactor(IEnumerable<string?> secrets) =>
        _secrets = secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 4).Select(s => s!).Distinct().OrderByDescending(s => s.Length).ToArray();

    public static SecretRedactor None { get; } = new([]);

    public string Redact(string? text)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        foreach (var secret in _secrets) text = text.Replace(secret, "***", StringComparison.Ordinal);
        return Shapes().Replace(text, m => m.Groups[1].Value + "***");
    }

    [GeneratedRegex(@"((?:SharedAccessKey|SharedAccessSignature|AccountKey|sasl\.password|password)\s*[=:]\s*|Bearer\s+)[^;\s,""']+", RegexOptions.IgnoreCase)]
    private static partial Regex Shapes();
}
