namespace Detection.Sources;

/// <summary>The query parameters of a source URI; every one must be used, so a misspelt parameter is an error, not ignored.</summary>
internal sealed class UriQuery
{
    private readonly Dictionary<string, string> _values;

    private UriQuery(Dictionary<string, string> values) => _values = values;

    public static UriQuery Parse(string query)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            if (!values.TryAdd(key, value)) throw new SourceUriException(key, $"'{key}' is given twice");
        }
        return new UriQuery(values);
    }

    public string? Take(string key) => _values.Remove(key, out var value) ? value : null;

    public void ThrowOnUnused(string scheme)
    {
        if (_values.Count == 0) return;
        var key = _values.Keys.First();
        throw new SourceUriException(key, $"unknown parameter '{key}' for {scheme}:// (see src/Detection.Sources/README.md)");
    }
}
