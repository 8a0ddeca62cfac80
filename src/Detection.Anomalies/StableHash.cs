using System.Buffers;
using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace Detection.Anomalies;

/// <summary>
/// A stable 64-bit hash (XXH64, seed 0) for distinct counting: the same value gives the same hash on every machine,
/// process and run, so sketches can be persisted and merged. Strings hash their UTF-8 bytes; numbers hash by value
/// (a double with an integral value hashes like the equal long; −0 like 0; every NaN alike). Pure and thread-safe.
/// </summary>
public static class StableHash
{
    private const ulong P1 = 0x9E3779B185EBCA87UL, P2 = 0xC2B2AE3D27D4EB4FUL, P3 = 0x165667B19E3779F9UL;
    private const ulong P4 = 0x85EBCA77C2B2AE63UL, P5 = 0x27D4EB2F165667C5UL;

    /// <summary>XXH64 of the UTF-8 bytes of <paramref name="value"/>.</summary>
    public static ulong OfString(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        int max = Encoding.UTF8.GetMaxByteCount(value.Length);
        byte[]? rented = max > 512 ? ArrayPool<byte>.Shared.Rent(max) : null;
        Span<byte> buffer = rented ?? stackalloc byte[512];
        int length = Encoding.UTF8.GetBytes(value, buffer);
        ulong hash = OfBytes(buffer[..length]);
        if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        return hash;
    }

    /// <summary>XXH64 of the 8 little-endian bytes of <paramref name="value"/>.</summary>
    public static ulong OfLong(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        return OfBytes(bytes);
    }

    /// <summary>Hash of a real by value: integral values as <see cref="OfLong"/>, others by their IEEE bits.</summary>
    public static ulong OfDouble(double value)
    {
        if (double.IsNaN(value)) value = double.NaN;
        else if (Math.Floor(value) == value && value >= long.MinValue && value < 9.2233720368547758e18) return OfLong((long)value);
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, BitConverter.DoubleToInt64Bits(value));
        return OfBytes(bytes);
    }

    /// <summary>XXH64 (seed 0) of <paramref name="data"/>.</summary>
    public static ulong OfBytes(ReadOnlySpan<byte> data)
    {
        int length = data.Length;
        ulong h;
        if (length >= 32)
        {
            ulong v1 = unchecked(P1 + P2), v2 = P2, v3 = 0, v4 = unchecked(0 - P1);
            while (data.Length >= 32)
            {
                v1 = Round(v1, BinaryPrimitives.ReadUInt64LittleEndian(data));
                v2 = Round(v2, BinaryPrimitives.ReadUInt64LittleEndian(data[8..]));
                v3 = Round(v3, BinaryPrimitives.ReadUInt64LittleEndian(data[16..]));
                v4 = Round(v4, BinaryPrimitives.ReadUInt64LittleEndian(data[24..]));
                data = data[32..];
            }
            h = BitOperations.RotateLeft(v1, 1) + BitOperations.RotateLeft(v2, 7)
                + BitOperations.RotateLeft(v3, 12) + BitOperations.RotateLeft(v4, 18);
            h = MergeRound(MergeRound(MergeRound(MergeRound(h, v1), v2), v3), v4);
        }
        else
        {
            h = P5;
        }
        h += (ulong)length;
        while (data.Length >= 8)
        {
            h ^= Round(0, BinaryPrimitives.ReadUInt64LittleEndian(data));
            h = BitOperations.RotateLeft(h, 27) * P1 + P4;
            data = data[8..];
        }
        if (data.Length >= 4)
        {
            h ^= BinaryPrimitives.ReadUInt32LittleEndian(data) * P1;
            h = BitOperations.RotateLeft(h, 23) * P2 + P3;
            data = data[4..];
        }
        foreach (byte b in data)
        {
            h ^= b * P5;
            h = BitOperations.RotateLeft(h, 11) * P1;
        }
        h ^= h >> 33; h *= P2;
        h ^= h >> 29; h *= P3;
        h ^= h >> 32;
        return h;
    }

    private static ulong Round(ulong acc, ulong input) => BitOperations.RotateLeft(acc + input * P2, 31) * P1;

    private static ulong MergeRound(ulong acc, ulong value) => (acc ^ Round(0, value)) * P1 + P4;
}
