namespace Detection.Ingestion.Input;

/// <summary>One step of a load, in input order: a file to read, or a path argument that named no file and why.</summary>
internal readonly record struct InputItem(string Path, string? Problem)
{
    public static List<InputItem> Expand(IEnumerable<string> paths)
    {
        var items = new List<InputItem>();
        foreach (var path in paths)
        {
            var files = InputPaths.Expand(path, out var problem);
            if (problem is not null) items.Add(new InputItem(path, problem));
            items.AddRange(files.Select(file => new InputItem(file, null)));
        }
        return items;
    }
}
