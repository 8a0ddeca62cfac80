using System.IO.Pipelines;
using System.Text;
using Detection.Ingestion;
using Detection.Sources.Files;
using Detection.Sources.Tests.Support;

namespace Detection.Sources.Tests.Files;

/// <summary>Standard input is read as it arrives: complete lines at once, the rest when it closes.</summary>
public sealed class StreamSourceTests
{
    [Fact]
    public async Task LinesAreYieldedAsTheyArriveNotWhenTheInputEnds()
    {
        var pipe = new Pipe();
        await using var source = new StreamSource(pipe.Reader.AsStream(), "stdin", new FileSourceOptions());
        await using var enumerator = source.ReadAsync(CancellationToken.None).GetAsyncEnumerator();

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(Bodies.Body("s1@c.com") + "\n" + Bodies.SignIn("s2")[..20]));
        Assert.True(await enumerator.MoveNextAsync());
        Assert.Equal(["s1@c.com"], Bodies.Users(enumerator.Current.Decode(new LoadOptions())));

        await pipe.Writer.WriteAsync(Encoding.UTF8.GetBytes(Bodies.SignIn("s2@c.com")[20..]));
        await pipe.Writer.CompleteAsync();
        Assert.True(await enumerator.MoveNextAsync());
        var last = enumerator.Current;
        Assert.Equal(["s2@c.com"], Bodies.Users(last.Decode(new LoadOptions())));
        Assert.Equal(2, last.Messages.Single().Origin.FirstLine);
        Assert.False(await enumerator.MoveNextAsync());
    }

    [Fact]
    public async Task ABadLineOnStandardInputIsRejectedWithItsLine()
    {
        var input = new MemoryStream(Encoding.UTF8.GetBytes(Bodies.SignIn("a@c.com") + "\nnot json\n" + Bodies.SignIn("b@c.com") + "\n"));
        await using var source = SourceFactory.Open(SourceUri.Parse("-"), new SourceSettings { OpenStandardInput = () => input });
        var messages = new List<SourceMessage>();
        await foreach (var batch in source.ReadAsync(CancellationToken.None)) messages.AddRange(batch.Messages);
        var result = DataLoader.Load(messages.Select(m => m.ToLoadInput()), new LoadOptions());
        Assert.Equal(["a@c.com", "b@c.com"], Bodies.Users(result));
        var rejection = Assert.Single(result.Rejections);
        Assert.Equal(("stdin", 2L), (rejection.File, rejection.Line!.Value));
    }
}
