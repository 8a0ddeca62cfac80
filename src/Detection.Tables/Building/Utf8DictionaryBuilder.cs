using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using Detection.Tables.Columns;

namespace Detection.Tables.Building;

/// <summary>
/// Interns UTF-8 values into codes while a chunk is built, with an open-addressing hash table over the value arena,
/// so that a repeated value costs no allocation. Code 0 is reserved for the empty value. Not thread-safe.
/// A column whose values are nearly all distinct (ids, per-sign-in details) stops looking values up after a probation
/// of <see cref="ProbationValues"/> values: every value is then appended, which saves a hash and a cache-missing probe
/// per value and loses only the rare repeat.
/// Columns often repeat the value of the row before (a constant such as the table's name, a user's run of sign-ins), so
/// that value is compared first: a repeat then costs no hash and no probe.
/// </summary>
internal sealed class Utf8DictionaryBuilder(int expectedValues = 0)
{
    private const int ProbationValues = 1024;
    private const double UniqueShare = 0.9;
    private const int InitialSlots = 64;

    // Per process, as HashCode does, so that crafted log values cannot be made to collide.
    private static readonly ulong Seed = (ulong)Random.Shared.NextInt64();

    private byte[] _bytes = new byte[1024];
    private int _length;
    private int[] _offsets = new int[64]; // value i is _bytes[_offsets[i].._offsets[i + 1]]; value 0 is the empty one
    private int _count = 1;
    // One slot per entry, hash in the high half and code + 1 in the low half (0 = free): a probe touches one cache line.
    private long[] _slots = new long[InitialSlots];
    private int _interned;
    private bool _appendOnly;
    private bool _sized;
    private bool _interning;
    private int _lastCode;
    private int _lastStart;
    private int _lastLength;

    public int Count => _count;

    /// <summary>
    /// A builder with room for <paramref name="values"/> distinct values of <paramref name="bytes"/> bytes in all, known
    /// beforehand (a concatenation of dictionaries): no buffer is grown and the hash table is never rebuilt.
    /// </summary>
    public static Utf8DictionaryBuilder Sized(int values, long bytes)
    {
        var builder = new Utf8DictionaryBuilder(values);
        if (bytes > builder._bytes.Length && bytes < Array.MaxLength) builder._bytes = new byte[bytes];
        if (values + 2 > builder._offsets.Length) builder._offsets = new int[values + 2];
        var slots = InitialSlots;
        while (slots < 2 * (values + 1) && slots < 1 << 30) slots *= 2;
        builder._slots = new long[slots];
        builder._sized = true;
        return builder;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Intern(ReadOnlySpan<byte> value)
    {
        if (value.IsEmpty) return 0;
        if (value.Length == _lastLength && _bytes.AsSpan(_lastStart, _lastLength).SequenceEqual(value)) return _lastCode;
        return InternOther(value);
    }

    /// <summary>A value other than the last one: the part of <see cref="Intern"/> not worth inlining.</summary>
    private int InternOther(ReadOnlySpan<byte> value)
    {
        if (_appendOnly) return Remember(Add(value));
        if (++_interned == ProbationValues && Count >= UniqueShare * ProbationValues && !_interning)
        {
            _appendOnly = true;
            _slots = [];
            // Room for the values still to come at the size seen so far (and some), at once rather than by doubling; a
            // sized builder already has room for every value.
            if (_sized) return Remember(Add(value));
            var expectedBytes = (long)_length * expectedValues / Count * 9 / 8;
            if (expectedBytes > _bytes.Length && expectedBytes < Array.MaxLength) Growth.Grow(ref _bytes, (int)expectedBytes, _length);
            return Remember(Add(value));
        }
        var hash = Hash(value);
        var slots = _slots;
        var mask = slots.Length - 1;
        for (var i = hash & mask; ; i = (i + 1) & mask)
        {
            var slot = slots[i];
            if (slot == 0)
            {
                var code = Add(value);
                slots[i] = ((long)hash << 32) | (uint)(code + 1);
                if (Count * 2 > slots.Length) Grow();
                return Remember(code);
            }
            if ((int)(slot >> 32) == hash)
            {
                var candidate = (int)slot - 1;
                var start = _offsets[candidate];
                if (_bytes.AsSpan(start, _offsets[candidate + 1] - start).SequenceEqual(value)) return Remember(candidate);
            }
        }
    }

    /// <summary>A builder that never stops looking values up (no probation): every value keeps exactly one code.</summary>
    public static Utf8DictionaryBuilder Interning() => new() { _interning = true };

    /// <summary>The dictionary of the values interned so far; the builder's buffers are not shared with it.</summary>
    public Utf8Dictionary Build() => Utf8Dictionary.From(_bytes.AsSpan(0, _length), _offsets.AsSpan(0, _count + 1).ToArray(), distinct: !_appendOnly);

    public void Clear()
    {
        _length = 0;
        _count = 1;
        _slots = new long[InitialSlots];
        _interned = 0;
        _appendOnly = false;
        _lastCode = 0;
        _lastLength = 0;
    }

    private int Remember(int code)
    {
        _lastCode = code;
        _lastStart = _offsets[code];
        _lastLength = _offsets[code + 1] - _lastStart;
        return code;
    }

    private int Add(ReadOnlySpan<byte> value)
    {
        if (_length + value.Length > _bytes.Length) Growth.Grow(ref _bytes, _length + value.Length, _length);
        value.CopyTo(_bytes.AsSpan(_length));
        _length += value.Length;
        if (_count + 1 == _offsets.Length) Growth.Grow(ref _offsets, _count + 2, _count + 1);
        _offsets[++_count] = _length;
        return _count - 1;
    }

    private void Grow()
    {
        var slots = new long[_slots.Length * 2];
        var mask = slots.Length - 1;
        foreach (var slot in _slots)
        {
            if (slot == 0) continue;
            var i = (int)(slot >> 32) & mask;
            while (slots[i] != 0) i = (i + 1) & mask;
            slots[i] = slot;
        }
        _slots = slots;
    }

    /// <summary>A multiplicative hash over 8 bytes at a time, finished with a full mix so that the low bits index well.</summary>
    private static int Hash(ReadOnlySpan<byte> value)
    {
        var hash = Seed ^ ((ulong)value.Length * 0x9E3779B97F4A7C15UL);
        var i = 0;
        for (; i + 8 <= value.Length; i += 8)
            hash = (hash ^ BinaryPrimitives.ReadUInt64LittleEndian(value[i..])) * 0xBF58476D1CE4E5B9UL;
        if (i < value.Length)
        {
            ulong tail = 0;
            for (var j = value.Length - 1; j >= i; j--) tail = (tail << 8) | value[j];
            hash = (hash ^ tail) * 0xBF58476D1CE4E5B9UL;
        }
        hash ^= hash >> 31;
        hash *= 0x94D049BB133111EBUL;
        hash ^= hash >> 29;
        return (int)hash & int.MaxValue;
    }
}
