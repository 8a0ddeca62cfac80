namespace Detection.Evaluation.Values;

/// <summary>KQL's string operators (KQL-SEMANTICS §3): case rules and term matching.</summary>
internal static class StringOps
{
    /// <summary>
    /// <c>has</c>: the value contains <paramref name="term"/> as a whole term (maximal run of ASCII letters and digits).
    /// A term written with separators in it ("foo.bar") must occur with a boundary wherever its own ends are alphanumeric.
    /// Short terms are matched too (the 3-character rule is about indexing only).
    /// </summary>
    public static bool Has(string value, string term, bool caseSensitive = false) => Find(value, term, caseSensitive, true, true);

    /// <summary><c>hasprefix</c>: some term of the value starts with <paramref name="prefix"/>.</summary>
    public static bool HasPrefix(string value, string prefix, bool caseSensitive = false) => Find(value, prefix, caseSensitive, true, false);

    /// <summary><c>hassuffix</c>: some term of the value ends with <paramref name="suffix"/>.</summary>
    public static bool HasSuffix(string value, string suffix, bool caseSensitive = false) => Find(value, suffix, caseSensitive, false, true);

    private static bool Find(string value, string term, bool caseSensitive, bool boundStart, bool boundEnd)
    {
        if (term.Length == 0) return true;
        var comparison = caseSensitive ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        boundStart &= IsTermCharacter(term[0]);
        boundEnd &= IsTermCharacter(term[^1]);
        var from = 0;
        while (from <= value.Length - term.Length)
        {
            var at = value.IndexOf(term, from, comparison);
            if (at < 0) return false;
            var end = at + term.Length;
            var startOk = !boundStart || at == 0 || !IsTermCharacter(value[at - 1]);
            var endOk = !boundEnd || end == value.Length || !IsTermCharacter(value[end]);
            if (startOk && endOk) return true;
            from = at + 1;
        }
        return false;
    }

    public static bool IsTermCharacter(char c) => char.IsAsciiLetterOrDigit(c);

    /// <summary>The test of a word operator (<c>has</c>, <c>!contains_cs</c>, …), or null when the word is not one.</summary>
    public static Func<string, string, bool>? For(string op)
    {
        var negated = op.StartsWith('!');
        var name = negated ? op[1..] : op;
        Func<string, string, bool>? test = name switch
        {
            "has" => (v, t) => Has(v, t),
            "has_cs" => (v, t) => Has(v, t, true),
            "hasprefix" => (v, t) => HasPrefix(v, t),
            "hasprefix_cs" => (v, t) => HasPrefix(v, t, true),
            "hassuffix" => (v, t) => HasSuffix(v, t),
            "hassuffix_cs" => (v, t) => HasSuffix(v, t, true),
            "contains" => (v, t) => v.Contains(t, StringComparison.OrdinalIgnoreCase),
            "contains_cs" => (v, t) => v.Contains(t, StringComparison.Ordinal),
            "startswith" => (v, t) => v.StartsWith(t, StringComparison.OrdinalIgnoreCase),
            "startswith_cs" => (v, t) => v.StartsWith(t, StringComparison.Ordinal),
            "endswith" => (v, t) => v.EndsWith(t, StringComparison.OrdinalIgnoreCase),
            "endswith_cs" => (v, t) => v.EndsWith(t, StringComparison.Ordinal),
            _ => null,
        };
        if (test is null || !negated) return test;
        return (v, t) => !test(v, t);
    }
}
