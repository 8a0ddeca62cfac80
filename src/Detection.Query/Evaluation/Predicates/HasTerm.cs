namespace Detection.Query.Evaluation.Predicates;

/// <summary>
/// KQL's <c>has</c>: is <c>term</c> a whole term of the value, ignoring case? Kusto breaks a string into maximal runs of
/// ASCII alphanumerics ("terms"), so "KustoExplorerQueryRun" has "Explorer" is false while "North America" has "america"
/// is true. A term written with separators in it ("foo.bar", "@contoso.com") must occur with a term boundary wherever
/// its own ends are alphanumeric: the character just outside such an end may not be alphanumeric.
/// </summary>
internal static class HasTerm
{
    public static bool Matches(string value, string term)
    {
        if (term.Length == 0) return true;
        var boundedStart = IsTermCharacter(term[0]);
        var boundedEnd = IsTermCharacter(term[^1]);
        var from = 0;
        while (from <= value.Length - term.Length)
        {
            var at = value.IndexOf(term, from, StringComparison.OrdinalIgnoreCase);
            if (at < 0) return false;
            var end = at + term.Length;
            var startOk = !boundedStart || at == 0 || !IsTermCharacter(value[at - 1]);
            var endOk = !boundedEnd || end == value.Length || !IsTermCharacter(value[end]);
            if (startOk && endOk) return true;
            from = at + 1;
        }
        return false;
    }

    private static bool IsTermCharacter(char c) => char.IsAsciiLetterOrDigit(c);
}
