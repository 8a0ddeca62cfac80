namespace Detection.Query.Binding;

/// <summary>Names close to a misspelt one, for "did you mean" hints.</summary>
internal static class CloseNames
{
    /// <summary>
    /// Up to <paramref name="max"/> candidates, best first: a different-case match (alone), then names one contains the
    /// other of, then names within a few edits; ties go to the name closest in length.
    /// </summary>
    public static IReadOnlyList<string> Find(string name, IEnumerable<string> candidates, int max = 5)
    {
        var allowedEdits = Math.Max(2, name.Length / 3);
        var close = candidates
            .Select(c => (Name: c, Score: Score(name, c)))
            .Where(c => c.Score <= allowedEdits)
            .OrderBy(c => c.Score)
            .ThenBy(c => Math.Abs(c.Name.Length - name.Length))
            .ThenBy(c => c.Name, StringComparer.Ordinal)
            .Take(max)
            .ToList();
        // Only the case differs: that is the name meant, the others would be noise.
        if (close.Count > 0 && close[0].Score == 0) close = close.Where(c => c.Score == 0).ToList();
        return close.Select(c => c.Name).ToList();
    }

    /// <summary>"did you mean A, B?" or, when nothing is close, the known names (or how many there are).</summary>
    public static string Hint(string name, IReadOnlyCollection<string> candidates, string kind)
    {
        var close = Find(name, candidates);
        if (close.Count > 0) return $"did you mean {string.Join(", ", close)}?";
        if (candidates.Count == 0) return $"there are no {kind}s";
        if (candidates.Count <= 20) return $"known {kind}s: {string.Join(", ", candidates)}";
        return $"no {kind} has a similar name; there are {candidates.Count}";
    }

    private static int Score(string name, string candidate)
    {
        if (string.Equals(name, candidate, StringComparison.OrdinalIgnoreCase)) return 0;
        if (name.Length >= 3 && (candidate.Contains(name, StringComparison.OrdinalIgnoreCase) || name.Contains(candidate, StringComparison.OrdinalIgnoreCase)))
            return 1;
        return EditDistance(name.ToLowerInvariant(), candidate.ToLowerInvariant());
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
            }
            (previous, current) = (current, previous);
        }
        return previous[b.Length];
    }
}
