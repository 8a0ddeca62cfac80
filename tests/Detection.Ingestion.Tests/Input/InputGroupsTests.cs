using Detection.Ingestion.Input;
using Detection.Testing;

namespace Detection.Ingestion.Tests.Input;

public sealed class InputGroupsTests
{
    [Fact]
    public void GroupsAreContiguousAndBalancedByBytes()
    {
        using var dir = new TempDirectory();
        int[] sizes = [100, 5, 5, 90, 10, 60, 40, 0, 100, 0];
        var items = sizes.Select((size, i) =>
        {
            File.WriteAllBytes(dir.File($"{i}.json"), new byte[size]);
            return new InputItem(dir.File($"{i}.json"), null);
        }).Prepend(new InputItem("missing", "no such file or folder")).ToList();

        var groups = InputGroups.Split(items, 4);

        Assert.Equal(items, groups.SelectMany(g => g));
        Assert.Equal(4, groups.Count);
        var bytes = groups.Select(g => g.Sum(i => i.Problem is null ? new FileInfo(i.Path).Length : 0)).ToList();
        Assert.All(bytes, b => Assert.InRange(b, 90, 110)); // 410 bytes, about 102 a group
    }

    [Fact]
    public void MoreGroupsThanFilesGivesOneFilePerGroupAtMost()
    {
        using var dir = new TempDirectory();
        var items = Enumerable.Range(0, 3).Select(i =>
        {
            File.WriteAllText(dir.File($"{i}.json"), "{}");
            return new InputItem(dir.File($"{i}.json"), null);
        }).ToList();

        var groups = InputGroups.Split(items, 8);

        Assert.Equal(items, groups.SelectMany(g => g));
        Assert.All(groups, g => Assert.Single(g));
    }

    [Fact]
    public void OneFileOrNoneIsOneGroup()
    {
        Assert.Single(InputGroups.Split([], 4));
        Assert.Single(InputGroups.Split([new InputItem("a.json", null), new InputItem("b", "no such file or folder")], 4));
    }
}
