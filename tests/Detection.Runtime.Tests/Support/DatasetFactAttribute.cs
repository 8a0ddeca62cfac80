namespace Detection.Runtime.Tests.Support;

/// <summary>A fact over the real sample files in ../shared/datasets; skipped, with the reason, when that folder is absent.</summary>
public sealed class DatasetFactAttribute : FactAttribute
{
    public DatasetFactAttribute()
    {
        if (Repository.Datasets is null) Skip = "../shared/datasets is not present";
    }
}
