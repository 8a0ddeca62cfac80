namespace Detection.Ingestion.Coercion;

/// <summary>
/// Field name (exact UTF-8 bytes) → resolved value, an open-addressing table so that the per-field lookup of the hot path
/// neither decodes nor allocates. Names recur with the same spelling, so exact bytes are the right key; the case-insensitive
/// resolution happens once per spelling, in the resolver the caller passes. Bounded; not thread-safe.
/// Records of one kind list their fields in the same order, so each entry remembers the entry looked up after it: a
/// correct guess costs one comparison instead of a hash of the name and a probe.
/// </summary>
internal sealed class Utf8NameCache<T>(Func<string, T> resolve, int maxEntries = 4096)
{
    private static readonly System.Buffers.SearchValues<byte> JsonSpecials =
        System.Buffers.SearchValues.Create([.. Enumerable.Range(0, 0x20).Select(b => (byte)b), (byte)'"', (byte)'\\']);

    private byte[]?[] _keys = new byte[]?[64];
    private T[] _values = new T[64];
    private int[] _next = new int[64]; // slot → the slot (+ 1) looked up after it last time; 0 = none yet
    private bool[] _isPlain = new bool[64];
    private int _previous = -1;
    private int _count;

    /// <summary>
    /// The name expected next (the one looked up after the previous name last time), when its bytes are also its JSON
    /// text (no quote, backslash or control character): a scanner may then match it against its input in place of reading
    /// the name, and confirm with <see cref="TakePredicted"/>. Empty when there is no such guess.
    /// </summary>
    public ReadOnlySpan<byte> Predicted =>
        _previous >= 0 && _next[_previous] - 1 is var guess and >= 0 && _isPlain[guess] ? _keys[guess] : default;

    /// <summary>The value of <see cref="Predicted"/>, which the input held.</summary>
    public T TakePredicted()
    {
        _previous = _next[_previous] - 1;
        return _values[_previous];
    }

    public T Get(ReadOnlySpan<byte> name)
    {
        if (_previous >= 0 && _next[_previous] - 1 is var guess and >= 0 && _keys[guess].AsSpan().SequenceEqual(name))
        {
            _previous = guess;
            return _values[guess];
        }
        var hash = Hash(name);
        var mask = _keys.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var key = _keys[i];
            if (key is null) break;
            if (key.AsSpan().SequenceEqual(name))
            {
                if (_previous >= 0) _next[_previous] = i + 1;
                _previous = i;
                return _values[i];
            }
        }
        var value = resolve(System.Text.Encoding.UTF8.GetString(name));
        if (_count < maxEntries) Add(name.ToArray(), value);
        _previous = -1;
        return value;
    }

    private void Add(byte[] key, T value)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            var (keys, values) = (_keys, _values);
            _keys = new byte[]?[keys.Length * 2];
            _values = new T[keys.Length * 2];
            _next = new int[keys.Length * 2];
            _isPlain = new bool[keys.Length * 2];
            _count = 0;
            for (var j = 0; j < keys.Length; j++)
                if (keys[j] is { } k) Add(k, values[j]);
        }
        var mask = _keys.Length - 1;
        var i = Hash(key) & mask;
        while (_keys[i] is not null) i = (i + 1) & mask;
        _keys[i] = key;
        _values[i] = value;
        _isPlain[i] = !key.AsSpan().ContainsAny(JsonSpecials);
        _count++;
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        var hash = 2166136261u;
        foreach (var b in name) hash = (hash ^ b) * 16777619u;
        return (int)(hash & int.MaxValue);
    }
}
