using Detection.Generator.Randomness;

namespace Detection.Generator.Tests;

public sealed class PrngTests
{
    [Fact]
    public void The_same_seed_gives_the_same_sequence()
    {
        var a = new Prng(123);
        var b = new Prng(123);
        for (var i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
    }

    [Fact]
    public void Forks_depend_on_the_label_and_not_on_how_much_of_the_parent_was_used()
    {
        var parent = new Prng(5);
        var before = parent.Fork("users").NextUInt64();
        parent.NextUInt64();
        Assert.Equal(before, parent.Fork("users").NextUInt64());
        Assert.NotEqual(before, parent.Fork("flows").NextUInt64());
    }

    [Fact]
    public void Values_stay_in_their_ranges()
    {
        var random = new Prng(9);
        for (var i = 0; i < 10_000; i++)
        {
            Assert.InRange(random.NextDouble(), 0.0, 0.9999999999);
            Assert.InRange(random.Between(3, 5), 3, 5);
        }
        Assert.Equal(4, (int)((random.NextGuid().ToByteArray()[7] & 0xF0) >> 4));
    }
}
