namespace Detection.Ingestion.Output;

/// <summary>
/// The rejected-records file of a parallel load, written in parts: each group of files writes its own part beside the
/// target, and <see cref="Join"/> copies the parts in group order into the target, which then holds the lines a sequential
/// load writes. Parts are deleted on dispose.
/// </summary>
internal sealed class RejectedParts : IDisposable
{
    private readonly string? _target;
    private readonly string[] _parts;

    public RejectedParts(string? target, int groups)
    {
        _target = target;
        _parts = target is null ? [] : [.. Enumerable.Range(0, groups).Select(g => $"{target}.part{g}")];
        Delete(); // a part left by a crashed load would otherwise be joined as if a group had written it
    }

    /// <summary>Where group <paramref name="group"/> writes its rejections; null when the load writes no rejected file.</summary>
    public string? PathFor(int group) => _target is null ? null : _parts[group];

    /// <summary>Writes the target from the parts; like a sequential load, creates it only when a record was rejected.</summary>
    public void Join()
    {
        var written = _parts.Where(File.Exists).ToList();
        if (_target is null || written.Count == 0) return;
        using var output = new FileStream(_target, FileMode.Create, FileAccess.Write, FileShare.Read);
        foreach (var part in written)
        {
            using var input = new FileStream(part, FileMode.Open, FileAccess.Read, FileShare.Read);
            input.CopyTo(output);
        }
    }

    public void Dispose() => Delete();

    private void Delete()
    {
        foreach (var part in _parts)
        {
            try
            {
                File.Delete(part);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // A part that cannot be deleted must not hide the load's own result or exception.
            }
        }
    }
}
