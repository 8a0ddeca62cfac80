using System.Text;
using System.Text.Json;
using Detection.Ingestion.Coercion;
using Detection.Ingestion.Json;

namespace Detection.Ingestion.Tests.Json;

/// <summary>
/// The scanner reads a subset of what <see cref="Utf8JsonReader"/> reads: whatever it accepts, the reader accepts too, with
/// the same extent and contents; what it cannot read, it declines.
/// </summary>
public sealed class JsonScannerTests
{
    private static readonly string[] Values =
    [
        "\"plain\"", "\"\"", "\"esc\\\"aped\\\\ \\/ \\b\\f\\n\\r\\t\"", "\"\\u00e9t\\u00C9\"", "\"Zürich ☃ 😀\"", "\"\\ud83d\\ude00\"",
        "0", "-0", "12", "-12.5", "1e5", "1E+5", "2.5e-3", "true", "false", "null",
        "{}", "[]", "{\"a\":1}", "[1,\"2\",[],{\"e\":null}]", "{\"a\": 1, \"b\" :[ true , {\"c\":\"x y\"} ] }", "[\n1,\t2\r\n]",
        "{\"a\\\"b\":[ ]}", "{\"a\":{\"b\":{\"c\":{\"d\":[[[[1]]]]}}}}",
    ];

    private static readonly string[] Malformed =
    [
        "\"unterminated", "\"bad \\x escape\"", "\"\\u12G4\"", "\"tab\tinside\"", "\"nl\ninside\"", "01", "1.", ".5", "-", "1e", "1e+",
        "+1", "tru", "nul", "truex", "{\"a\":1,}", "[1,]", "{\"a\" 1}", "{a:1}", "{\"a\":}", "[1 2]", "{\"a\":1 \"b\":2}", "[", "{",
        "{\"a\":[}", "'single'", "\"\\ud800\"", "NaN",
    ];

    public static TheoryData<string> ValidValues => [.. Values];

    public static TheoryData<string> MalformedValues => [.. Malformed];

    [Theory]
    [MemberData(nameof(ValidValues))]
    public void ValidValuesAreReadAsTheReaderReadsThem(string json) => AssertAgrees(json + ",", expectAccepted: !json.Contains("\\ud83d"));

    [Theory]
    [MemberData(nameof(MalformedValues))]
    public void MalformedValuesAreNeverAccepted(string json) => AssertAgrees(json + ",", expectAccepted: false);

    [Fact]
    public void NonAsciiBytesMustBeUtf8()
    {
        var bytes = "\"ok \u00e9 \"x,"u8.ToArray();
        bytes[4] = 0xFF; // a lone continuation byte is not UTF-8
        var scanner = new JsonScanner(bytes);
        Assert.Equal(ScanStatus.Declined, scanner.ReadValue(out _));
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsDeclined()
    {
        var deep = new string('[', JsonScanner.MaxDepth + 1) + new string(']', JsonScanner.MaxDepth + 1) + ",";
        var scanner = new JsonScanner(Encoding.UTF8.GetBytes(deep));
        Assert.Equal(ScanStatus.Declined, scanner.ReadValue(out _));
    }

    [Fact]
    public void AValueCutByTheEndOfTheInputNeedsMore()
    {
        foreach (var json in Values.Where(v => v.Length > 1))
        {
            for (var cut = 1; cut < json.Length; cut++)
            {
                var scanner = new JsonScanner(Encoding.UTF8.GetBytes(json[..cut]));
                var status = scanner.ReadValue(out _);
                Assert.True(status != ScanStatus.Ok, $"'{json[..cut]}' was read whole");
            }
        }
    }

    /// <summary>Single-byte mutations of valid records: the scanner never accepts what the reader rejects, nor reads it differently.</summary>
    [Fact]
    public void MutatedRecordsNeverMakeTheScannerDisagreeWithTheReader()
    {
        var record = Encoding.UTF8.GetBytes(
            """{"time":"2024-05-01T08:00:00Z","category":"SignInLogs","properties":{"userPrincipalName":"a@contoso.com","n":-1.5e3,"ok":true,"x":null,"status":{"errorCode":0,"details":["a","b\u00e9"]},"s":"Zürich"}}""");
        byte[] replacements = [(byte)'"', (byte)'\\', (byte)',', (byte)':', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)' ', (byte)'\n', (byte)'\t', 0,
            (byte)'0', (byte)'-', (byte)'e', (byte)'.', (byte)'t', (byte)'u', (byte)'x', 0x80, 0xC3, 0xFF];
        var accepted = 0;
        for (var i = 0; i < record.Length; i++)
        {
            foreach (var b in replacements)
            {
                var mutated = (byte[])record.Clone();
                mutated[i] = b;
                accepted += AssertAgrees(mutated.Concat(","u8.ToArray()).ToArray(), expectAccepted: null) ? 1 : 0;
            }
        }
        Assert.True(accepted > 100, $"only {accepted} mutations were read by the scanner");
    }

    private static void AssertAgrees(string json, bool? expectAccepted) => AssertAgrees(Encoding.UTF8.GetBytes(json), expectAccepted);

    /// <summary>The input holds one value followed by a comma. Returns whether the scanner read it.</summary>
    private static bool AssertAgrees(byte[] input, bool? expectAccepted)
    {
        var scanner = new JsonScanner(input);
        var status = scanner.ReadValue(out var value);
        if (expectAccepted is { } expected) Assert.Equal(expected, status == ScanStatus.Ok);
        if (status != ScanStatus.Ok) return false;
        var end = scanner.Position;
        var kind = value.Kind;
        var bytes = value.Bytes.ToArray();
        var escaped = value.Escaped;
        var compact = value.IsCompact;
        var reader = new Utf8JsonReader(input, new JsonReaderOptions());
        Assert.True(reader.Read());
        Assert.Equal(kind, reader.TokenType);
        Assert.True(JsonValue.TryRead(ref reader, input, out var read));
        Assert.Equal(end, (int)reader.BytesConsumed);
        Assert.Equal(bytes, read.Bytes.ToArray());
        Assert.Equal(escaped, read.Escaped);
        if (kind is JsonTokenType.StartObject or JsonTokenType.StartArray) Assert.Equal(read.IsCompact, compact);
        if (kind == JsonTokenType.String) Assert.Equal(reader.GetString(), Encoding.UTF8.GetString(read.Unescaped(new Scratch())));
        return true;
    }
}
