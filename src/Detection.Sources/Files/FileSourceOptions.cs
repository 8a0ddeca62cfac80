namespace Detection.Sources.Files;

/// <summary>How files and standard input are read. Immutable.</summary>
public sealed record FileSourceOptions
{
    /// <summary>How often a followed folder is looked at again when nothing new was found.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// A last line with no line feed is held back until its file has not changed for this long, then read as complete (a
    /// file written without a final newline); a gzip file is read once it has not changed for this long.
    /// </summary>
    public TimeSpan QuietPeriod { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Complete lines are cut into messages of at most this many bytes (a longer single line is one message).</summary>
    public int MaxMessageBytes { get; init; } = 4 << 20;

    /// <summary>A poll stops taking more bytes into its batch past this size; the rest comes in the next batch at once.</summary>
    public long MaxBatchBytes { get; init; } = 32 << 20;

    /// <summary>A line longer than this is set aside by the decoder; the reader stops buffering it here.</summary>
    public int MaxLineBytes { get; init; } = 64 << 20;

    /// <summary>The clock of the quiet period and of the poll delay (tests pass a manual one).</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}
