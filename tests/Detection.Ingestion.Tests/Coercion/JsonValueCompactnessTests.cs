using System.Text;
using System.Text.Json;
using Detection.Ingestion.Coercion;

namespace Detection.Ingestion.Tests.Coercion;

public sealed class JsonValueCompactnessTests
{
    [Theory]
    [InlineData("""{"a":1,"b":[true,{"c":"x y"}],"d":{}}""", true)]
    [InlineData("""[1,"2",[],{"e":null}]""", true)]
    [InlineData("""{"a": 1}""", false)]
    [InlineData("""{"a" :1}""", false)]
    [InlineData("""{ "a":1}""", false)]
    [InlineData("""{"a":1 }""", false)]
    [InlineData("""{"a":1, "b":2}""", false)]
    [InlineData("""[1 ,2]""", false)]
    [InlineData("[\n1]", false)]
    [InlineData("""{"a\"b":[ ]}""", false)]
    [InlineData("""{"a\"b":[]}""", true)]
    public void ContainersKnowWhetherTheyAreCompact(string json, bool compact)
    {
        var bytes = Encoding.UTF8.GetBytes(json);
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        Assert.True(JsonValue.TryRead(ref reader, bytes, out var value));
        Assert.Equal(compact, value.IsCompact);
        Assert.Equal(json, Encoding.UTF8.GetString(value.Bytes));
        if (compact) Assert.Equal(json, Encoding.UTF8.GetString(CompactJson.Of(bytes, new Scratch())));
    }
}
