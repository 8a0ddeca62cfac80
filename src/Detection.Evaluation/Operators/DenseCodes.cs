using Detection.Tables.Columns;

namespace Detection.Evaluation.Operators;

/// <summary>
/// A chunk's dictionary codes renumbered 0, 1, … in order of first appearance. A filtered chunk keeps its source's whole
/// dictionary, so per-code work (and per-code arrays) should be sized by the codes its rows use, not by the dictionary:
/// a one-row chunk of a 10,000-entry dictionary has one code.
/// </summary>
internal static class DenseCodes
{
    public static (int[] Codes, int Count) Of(CodeArray codes, int rowCount, int dictionaryCount)
    {
        var dense = new int[rowCount];
        // Few rows over a large dictionary: a hash map, else filling a dictionary-sized array costs more than the rows.
        if (rowCount * 8 < dictionaryCount)
        {
            var seen = new Dictionary<int, int>();
            for (var row = 0; row < rowCount; row++)
            {
                ref var slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(seen, codes[row], out var exists);
                if (!exists) slot = seen.Count - 1;
                dense[row] = slot;
            }
            return (dense, seen.Count);
        }
        var renumbered = System.Buffers.ArrayPool<int>.Shared.Rent(dictionaryCount);
        Array.Fill(renumbered, -1, 0, dictionaryCount);
        var count = 0;
        for (var row = 0; row < rowCount; row++)
        {
            ref var code = ref renumbered[codes[row]];
            if (code < 0) code = count++;
            dense[row] = code;
        }
        System.Buffers.ArrayPool<int>.Shared.Return(renumbered);
        return (dense, count);
    }
}
