using Detection.Evaluation.Operators;

namespace Detection.Evaluation.Tests.Operators;

public class IdTableTests
{
    [Fact]
    public void Keys_keep_the_value_they_were_added_with_through_growth_and_absent_keys_are_not_added_on_lookup()
    {
        var table = new IdTable();
        var expected = new Dictionary<int, int>();
        var random = new Random(3);
        for (var i = 0; i < 200_000; i++)
        {
            // Sequential ids (as StringIds gives them), large ones, zero and repeats.
            var key = random.Next(4) switch { 0 => i, 1 => random.Next(int.MaxValue), 2 => 0, _ => random.Next(1000) };
            var next = expected.Count;
            if (random.Next(5) == 0)
            {
                Assert.Equal(expected.GetValueOrDefault(key, -1), table.Find(key, add: false, next));
                continue;
            }
            var found = table.Find(key, add: true, next);
            if (!expected.TryGetValue(key, out var value)) expected[key] = value = next;
            Assert.Equal(value, found);
        }
        Assert.True(expected.Count > 50_000);
        foreach (var (key, value) in expected) Assert.Equal(value, table.Find(key, add: false, -2));
    }
}
