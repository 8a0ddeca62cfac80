namespace Detection.Evaluation.Operators;

/// <summary>
/// A map from non-negative ints (string ids) to the ids <see cref="KeyIds"/> gives, by open addressing over one array
/// whose slot holds key and value: a lookup reads one slot where a <c>Dictionary</c> reads a bucket and an entry, two
/// cache misses once tens of thousands of keys (a day's users) outgrow the cache.
/// </summary>
internal sealed class IdTable
{
    private long[] _slots = new long[64]; // (key + 1) << 32 | value; 0: free
    private int _shift = 64 - 6;
    private int _count;

    /// <summary>The value of <paramref name="key"/>; when absent, <paramref name="next"/> (then added) if <paramref name="add"/>, else -1.</summary>
    public int Find(int key, bool add, int next)
    {
        var tag = (long)(key + 1) << 32;
        var mask = _slots.Length - 1;
        var i = Index(key);
        while (true)
        {
            var slot = _slots[i];
            if (slot == 0) break;
            if ((slot & ~0xFFFF_FFFFL) == tag) return (int)slot;
            i = (i + 1) & mask;
        }
        if (!add) return -1;
        _slots[i] = tag | (uint)next;
        if (++_count * 2 > _slots.Length) Grow();
        return next;
    }

    private int Index(int key) => (int)((ulong)((uint)key * 0x9E3779B97F4A7C15UL) >> _shift);

    private void Grow()
    {
        var old = _slots;
        _slots = new long[old.Length * 2];
        _shift--;
        var mask = _slots.Length - 1;
        foreach (var slot in old)
        {
            if (slot == 0) continue;
            var i = Index((int)(slot >> 32) - 1);
            while (_slots[i] != 0) i = (i + 1) & mask;
            _slots[i] = slot;
        }
    }
}
