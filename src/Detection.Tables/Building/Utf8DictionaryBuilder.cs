using Detection.Tables.Columns;

namespace Detection.Tables.Building;

/// <summary>
/// Interns UTF-8 values into codes while a chunk is built, with an open-addressing hash table over the value arena,
/// so that a repeated value costs no allocation. Code 0 is reserved for the empty value. Not thread-safe.
/// A column whose values are nearly all distinct (ids, per-sign-in details) stops looking values up after a probation
/// of <see cref="ProbationValues"/> values: every value is then appended, which saves a hash and a cache-missing probe
/// per value and loses only the rare repeat.
/// </summary>
internal sealed class Utf8DictionaryBuilder
{
    private const int ProbationValues = 1024;
    private const double UniqueShare = 0.9;

    private byte[] _bytes = new byte[1024];
    private int _length;
    private List<int> _offsets = [0, 0];
    private int[] _slots = new int[64]; // code + 1, 0 = free
    private int[] _hashes = new int[64];
    private int _interned;
    private bool _appendOnly;

    public int Count => _offsets.Count - 1;

    public int Intern(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return 0;
        if (_appendOnly) return Add(value);
        if (++_interned == ProbationValues && Count >= UniqueShare * ProbationValues)
        {
            _appendOnly = true;
            _slots = [];
            _hashes = [];
            return Add(value);
        }
        var hash = Hash(value);
        var mask = _slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = _slots[i];
            if (slot == 0)
            {
                var code = Add(value);
                _slots[i] = code + 1;
                _hashes[i] = hash;
                if (Count * 2 > _slots.Length) Grow();
                return code;
            }
            if (_hashes[i] == hash && Value(slot - 1).SequenceEqual(value)) return slot - 1;
        }
    }

    /// <summary>The dictionary of the values interned so far; the builder's buffers are not shared with it.</summary>
    public Utf8Dictionary Build() => Utf8Dictionary.From(_bytes.AsSpan(0, _length), _offsets.ToArray());

    public void Clear()
    {
        _length = 0;
        _offsets = [0, 0];
        _slots = new int[64];
        _hashes = new int[64];
        _interned = 0;
        _appendOnly = false;
    }

    private ReadOnlySpan<byte> Value(int code) => _bytes.AsSpan(_offsets[code], _offsets[code + 1] - _offsets[code]);

    private int Add(ReadOnlySpan<byte> value)
    {
        if (_length + value.Length > _bytes.Length)
            Array.Resize(ref _bytes, Math.Max(_bytes.Length * 2, _length + value.Length));
        value.CopyTo(_bytes.AsSpan(_length));
        _length += value.Length;
        _offsets.Add(_length);
        return _offsets.Count - 2;
    }

    private void Grow()
    {
        var slots = new int[_slots.Length * 2];
        var hashes = new int[slots.Length];
        var mask = slots.Length - 1;
        for (var j = 0; j < _slots.Length; j++)
        {
            if (_slots[j] == 0) continue;
            var i = _hashes[j] & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = _slots[j];
            hashes[i] = _hashes[j];
        }
        _slots = slots;
        _hashes = hashes;
    }

    private static int Hash(ReadOnlySpan<byte> value)
    {
        var hash = new HashCode();
        hash.AddBytes(value);
        return hash.ToHashCode() & int.MaxValue;
    }
}
