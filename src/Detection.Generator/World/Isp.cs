using Detection.Generator.Randomness;

namespace Detection.Generator.World;

/// <summary>
/// An autonomous system and address blocks that look like its own. The blocks are <c>A.B.x.y</c> with B in
/// [<see cref="IspBlock.SecondFrom"/>, <see cref="IspBlock.SecondTo"/>]; they are plausible, not authoritative.
/// </summary>
internal sealed record Isp(int Asn, string Name, string Country, IReadOnlyList<IspBlock> Blocks)
{
    public string NextAddress(Prng random)
    {
        var block = random.Pick(Blocks);
        return $"{block.First}.{random.Between(block.SecondFrom, block.SecondTo)}.{random.Between(0, 255)}.{random.Between(1, 254)}";
    }
}

internal sealed record IspBlock(int First, int SecondFrom, int SecondTo);

/// <summary>Where a request comes from: address, its AS number and the place Entra would geolocate it to.</summary>
internal sealed record NetworkOrigin(string Ip, int Asn, Place Place);
