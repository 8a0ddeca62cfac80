using System.Text;
using Detection.Ingestion.Coercion;

namespace Detection.Ingestion.Tests.Coercion;

public sealed class DateTimeTextTests
{
    [Theory]
    [InlineData("2019-03-12T16:02:15.5522137Z", "2019-03-12T16:02:15.5522137Z")]
    [InlineData("2019-03-12T16:02:15.5522137+00:00", "2019-03-12T16:02:15.5522137Z")]
    [InlineData("2024-05-01T09:00:00+02:00", "2024-05-01T07:00:00.0000000Z")]
    [InlineData("2024-05-01T09:00:00-0130", "2024-05-01T10:30:00.0000000Z")]
    [InlineData("2021-08-02T13:29:25.983Z", "2021-08-02T13:29:25.9830000Z")]
    [InlineData("2019-02-12 14:22:40.697", "2019-02-12T14:22:40.6970000Z")]
    [InlineData("2024-05-01", "2024-05-01T00:00:00.0000000Z")]
    [InlineData("4/28/2021, 2:08:45.221 PM", "2021-04-28T14:08:45.2210000Z")]
    [InlineData("4/19/2021, 12:13:19.483 PM", "2021-04-19T12:13:19.4830000Z")]
    [InlineData("4/19/2021, 12:16:34 AM", "2021-04-19T00:16:34.0000000Z")]
    public void ReadsTheSpellingsOfTheInputsAsUtc(string text, string expected)
    {
        Assert.True(DateTimeText.TryParse(Encoding.UTF8.GetBytes(text), out var value));
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(expected, value.ToString("O"));
    }

    [Theory]
    [InlineData("yesterday")]
    [InlineData("2024-13-01T00:00:00Z")]
    [InlineData("2024-02-30")]
    [InlineData("2024-05-01T25:00:00Z")]
    public void RejectsWhatIsNotADate(string text) => Assert.False(DateTimeText.TryParse(Encoding.UTF8.GetBytes(text), out _));
}
