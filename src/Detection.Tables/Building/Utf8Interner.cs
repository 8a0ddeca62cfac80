namespace Detection.Tables.Building;

/// <summary>
/// One integer per distinct UTF-8 text, numbered 0 (the empty text), 1, 2, … in order of first appearance: the texts lie
/// in one growing array under an open-addressing hash table (a dictionary builder that never stops deduplicating), so a
/// lookup hashes and compares bytes where they lie and makes no string. Not thread-safe.
/// </summary>
public sealed class Utf8Interner
{
    private readonly Utf8DictionaryBuilder _texts = Utf8DictionaryBuilder.Interning();

    /// <summary>The number of ids given, the empty text's included.</summary>
    public int Count => _texts.Count;

    /// <summary>The id of <paramref name="text"/>, given the next one when new.</summary>
    public int Intern(ReadOnlySpan<byte> text) => _texts.Intern(text);
}
