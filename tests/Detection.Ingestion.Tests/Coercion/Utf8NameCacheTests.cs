using System.Text;
using Detection.Ingestion.Coercion;

namespace Detection.Ingestion.Tests.Coercion;

public sealed class Utf8NameCacheTests
{
    [Fact]
    public void GuessingTheNextNameNeverChangesTheAnswer()
    {
        var resolved = 0;
        var cache = new Utf8NameCache<string>(name => { resolved++; return name.ToUpperInvariant(); });
        string[][] orders = [["a", "b", "c"], ["a", "c", "b"], ["c", "b", "a", "a"], [.. Enumerable.Range(0, 100).Select(i => $"f{i}")], ["a", "b", "c"]];
        foreach (var order in orders)
            foreach (var name in order)
                Assert.Equal(name.ToUpperInvariant(), cache.Get(Encoding.UTF8.GetBytes(name)));
        Assert.Equal(103, resolved);
    }
}
