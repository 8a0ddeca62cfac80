using Detection.Kql.Symbols;

namespace Detection.Tables.Columns;

/// <summary>
/// A dictionary-encoded string column: each row holds a code into <see cref="Dictionary"/>. Code 0 is the empty string,
/// which is also what an absent value reads as (KQL strings are never null). Operators can evaluate a predicate once per
/// distinct value and map rows through their codes.
/// </summary>
public sealed class StringColumn : Column
{
    internal StringColumn(int length, Utf8Dictionary dictionary, CodeArray codes)
        : base(KqlType.String, length)
    {
        Dictionary = dictionary;
        Codes = codes;
    }

    public Utf8Dictionary Dictionary { get; }

    public CodeArray Codes { get; }

    public override bool IsNull(int row) => false;

    public bool IsEmpty(int row) => Codes[row] == 0;

    public string GetString(int row) => Dictionary.GetString(Codes[row]);

    public ReadOnlySpan<byte> GetUtf8(int row) => Dictionary.GetUtf8(Codes[row]);

    public override object GetValue(int row) => GetString(row);

    public override long EstimatedBytes => Dictionary.EstimatedBytes + Codes.EstimatedBytes;
}
