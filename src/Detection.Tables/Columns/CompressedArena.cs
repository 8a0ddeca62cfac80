using System.IO.Compression;

namespace Detection.Tables.Columns;

/// <summary>
/// Dictionary values compressed with Brotli in blocks of about <see cref="BlockBytes"/> bytes, each block a run of
/// whole values. Sign-in details such as <c>AuthenticationDetails</c> are unique per row (they carry timestamps) but
/// nearly identical in shape, so they compress about tenfold; a column scan decompresses each block once.
/// Each thread keeps the last block it decompressed (rules reading one column at once would otherwise evict each other's
/// block at every value); each decompression allocates a fresh buffer, so spans handed out earlier stay valid.
/// </summary>
internal sealed class CompressedArena : IValueArena
{
    private const int BlockBytes = 16 * 1024;
    private const int MinimumArenaBytes = 64 * 1024;
    private const int MinimumAverageValueBytes = 48;
    // Brotli's fastest level: on sign-in details it compresses 1.6 times faster than level 1 for 20% more bytes (still
    // about sixteenfold), and sealing a chunk is on the ingestion hot path; decompression is as fast.
    private const int Quality = 0;
    private const int Window = 22;

    private readonly byte[][] _blocks;
    private readonly int[] _offsets;      // each value's offset within its block's decompressed bytes
    private readonly int[] _blockOfCode;
    [ThreadStatic] private static Block? _lastBlock;

    private CompressedArena(byte[][] blocks, int[] offsets, int[] blockOfCode, int count, long storedBytes)
    {
        _blocks = blocks;
        _offsets = offsets;
        _blockOfCode = blockOfCode;
        Count = count;
        EstimatedBytes = storedBytes;
    }

    public int Count { get; }

    public long EstimatedBytes { get; }

    /// <summary>Compress only large dictionaries of long values: short values (codes, names) gain little and are read most.</summary>
    public static bool ShouldCompress(int arenaBytes, int count) =>
        arenaBytes >= MinimumArenaBytes && arenaBytes / Math.Max(1, count) >= MinimumAverageValueBytes;

    /// <summary>The compressed form of the values, or null when the encoder fails (the caller then keeps them plain).</summary>
    public static CompressedArena? TryCreate(ReadOnlySpan<byte> bytes, int[] offsets)
    {
        var count = offsets.Length - 1;
        var blocks = new List<byte[]>();
        var blockOfCode = new int[count];
        var localOffsets = new int[count];
        long stored = 0;
        var code = 0;
        var compressed = Array.Empty<byte>();
        while (code < count)
        {
            var first = code;
            var start = offsets[first];
            while (code < count && (code == first || offsets[code + 1] - start <= BlockBytes)) code++;
            var raw = bytes.Slice(start, offsets[code] - start);
            var bound = BrotliEncoder.GetMaxCompressedLength(raw.Length);
            if (compressed.Length < bound) compressed = new byte[bound];
            if (!BrotliEncoder.TryCompress(raw, compressed, out var written, Quality, Window))
                return null;
            var block = new byte[sizeof(int) + written];
            BitConverter.TryWriteBytes(block, raw.Length);
            compressed.AsSpan(0, written).CopyTo(block.AsSpan(sizeof(int)));
            for (var c = first; c < code; c++)
            {
                blockOfCode[c] = blocks.Count;
                localOffsets[c] = offsets[c] - start;
            }
            blocks.Add(block);
            stored += block.Length;
        }
        stored += (long)count * sizeof(int) * 2 + blocks.Count * 8L;
        return new CompressedArena(blocks.ToArray(), localOffsets, blockOfCode, count, stored);
    }

    public ReadOnlySpan<byte> Get(int code)
    {
        var index = _blockOfCode[code];
        var block = _lastBlock is { } last && last.Index == index && ReferenceEquals(last.Arena, this) ? last : Decompress(index);
        var start = _offsets[code];
        return block.Bytes.AsSpan(start, End(code, index) - start);
    }

    public int Length(int code) => End(code, _blockOfCode[code]) - _offsets[code];

    /// <summary>Where the value ends in its block: the next value's start, or the block's decompressed length (stored first).</summary>
    private int End(int code, int index) =>
        code + 1 < Count && _blockOfCode[code + 1] == index ? _offsets[code + 1] : BitConverter.ToInt32(_blocks[index], 0);

    private Block Decompress(int index)
    {
        var stored = _blocks[index];
        var length = BitConverter.ToInt32(stored, 0);
        var bytes = new byte[length];
        if (!BrotliDecoder.TryDecompress(stored.AsSpan(sizeof(int)), bytes, out var written) || written != length)
            throw new InvalidDataException($"a compressed dictionary block ({index}) is corrupt");
        var block = new Block(this, index, bytes);
        _lastBlock = block;
        return block;
    }

    private sealed record Block(CompressedArena Arena, int Index, byte[] Bytes);
}
