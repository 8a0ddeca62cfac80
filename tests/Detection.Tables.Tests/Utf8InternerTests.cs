using System.Text;
using Detection.Tables.Building;

namespace Detection.Tables.Tests;

public class Utf8InternerTests
{
    [Fact]
    public void Every_text_keeps_one_id_past_the_point_where_a_dictionary_builder_stops_deduplicating()
    {
        // 5,000 distinct texts first (a dictionary builder would turn append-only after 1,024 of them), then all again.
        var interner = new Utf8Interner();
        var first = Enumerable.Range(0, 5000).Select(i => interner.Intern(Encoding.UTF8.GetBytes($"session-{i}"))).ToList();
        var again = Enumerable.Range(0, 5000).Select(i => interner.Intern(Encoding.UTF8.GetBytes($"session-{i}"))).ToList();
        Assert.Equal(first, again);
        Assert.Equal(Enumerable.Range(1, 5000), first);
        Assert.Equal(0, interner.Intern([]));
        Assert.Equal(5001, interner.Count);
    }
}
