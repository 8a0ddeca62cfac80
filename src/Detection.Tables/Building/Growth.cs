namespace Detection.Tables.Building;

/// <summary>
/// Growing the builders' buffers without zeroing them: every element up to a builder's count is written before it is read.
/// Row buffers grow from their small first size straight to a chunk's rows: a table that outgrows the first size is
/// likely to fill chunks, and one step spares the copies and garbage of doubling.
/// </summary>
internal static class Growth
{
    /// <summary>A buffer of at least <paramref name="minimum"/> elements (doubling), holding the first <paramref name="used"/> of the old one.</summary>
    public static void Grow<T>(ref T[] array, int minimum, int used)
        where T : unmanaged
    {
        var grown = GC.AllocateUninitializedArray<T>(Math.Max(minimum, array.Length * 2));
        array.AsSpan(0, used).CopyTo(grown);
        array = grown;
    }
}
