using System.Text;
using Detection.Ingestion.Coercion;

namespace Detection.Ingestion.Tests.Coercion;

public sealed class CompactJsonTests
{
    [Theory]
    [InlineData("""{"a":1}""", """{"a":1}""")]
    [InlineData("""{"os":"Windows 10"}""", """{"os":"Windows 10"}""")]
    [InlineData("{\r\n  \"a\": [ 1, 2 ],\n  \"b\": \"x y\"\n}", """{"a":[1,2],"b":"x y"}""")]
    [InlineData("""{ "q": "say \"hi there\" \\", "n" : null }""", """{"q":"say \"hi there\" \\","n":null}""")]
    public void StripsOnlyWhitespaceOutsideStrings(string input, string expected)
    {
        var compact = CompactJson.Of(Encoding.UTF8.GetBytes(input), new Scratch());
        Assert.Equal(expected, Encoding.UTF8.GetString(compact));
    }

    [Theory]
    [InlineData("{}", true)]
    [InlineData("[1, 2]", true)]
    [InlineData("{\"a\":", false)]
    [InlineData("{} {}", false)]
    [InlineData("not json", false)]
    public void TellsWhetherTextIsOneJsonValue(string text, bool valid) =>
        Assert.Equal(valid, CompactJson.IsValid(Encoding.UTF8.GetBytes(text)));
}
