using System.Text.Json.Nodes;
using Detection.Kql.Symbols;

namespace Detection.Tables.Columns;

/// <summary>
/// A dynamic column, dictionary-encoded by each value's compact JSON text (sign-in details repeat a lot: device,
/// location, status). Code 0 is null. Values are parsed on access; callers that read a value often should keep it.
/// </summary>
public sealed class DynamicColumn : Column
{
    internal DynamicColumn(int length, Utf8Dictionary dictionary, CodeArray codes)
        : base(KqlType.Dynamic, length)
    {
        Dictionary = dictionary;
        Codes = codes;
    }

    public Utf8Dictionary Dictionary { get; }

    public CodeArray Codes { get; }

    public override bool IsNull(int row) => Codes[row] == 0;

    /// <summary>The value's compact JSON text as UTF-8; empty for null.</summary>
    public ReadOnlySpan<byte> GetJson(int row) => Dictionary.GetUtf8(Codes[row]);

    /// <summary>A freshly parsed JSON node (the caller owns it), or null.</summary>
    public JsonNode? GetNode(int row) => IsNull(row) ? null : JsonNode.Parse(GetJson(row));

    public override object? GetValue(int row) => GetNode(row);

    public override long EstimatedBytes => Dictionary.EstimatedBytes + Codes.EstimatedBytes;
}
