using Detection.Ingestion.Csv;
using Detection.Ingestion.Export;
using Detection.Ingestion.Input;
using Detection.Ingestion.Json;
using Detection.Ingestion.Output;
using Detection.Ingestion.Rows;

namespace Detection.Ingestion;

/// <summary>
/// Reads files of every supported format into tables. Each file's format is recognised from its content (gzip unwrapped
/// first); records are streamed, one at a time. Bad records never stop a load: they are set aside as
/// <see cref="Rejection"/>s (and written to <see cref="LoadOptions.RejectedFile"/>). Only an unwritable rejected file throws.
/// A load of paths reads files on up to <see cref="LoadOptions.Parallelism"/> threads, with the result of a sequential load;
/// concurrent calls are independent.
/// </summary>
public static class DataLoader
{
    /// <param name="paths">Files, folders (read recursively, data files only: see README) and globs such as <c>samples/*.jsonl</c>.</param>
    /// <param name="options">Options; <see cref="LoadOptions.Parallelism"/> must be at least 1.</param>
    public static LoadResult Load(IEnumerable<string> paths, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Parallelism, 1);
        return ParallelLoad.Run(InputItem.Expand(paths), options);
    }

    /// <summary>
    /// Reads bodies that are not files (a Kafka message, a chunk of standard input, a query result) into one set of tables.
    /// Each input is read as a file would be (format recognised from its content, gzip unwrapped); its rejections carry
    /// <see cref="LoadInput.Origin"/> as their <see cref="Rejection.File"/> and lines counted from <see cref="LoadInput.FirstLine"/>.
    /// An input whose stream cannot be opened or read is one rejection; the load goes on with the next.
    /// </summary>
    public static LoadResult Load(IEnumerable<LoadInput> inputs, LoadOptions options)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(options);
        using var context = new LoadContext(options);
        foreach (var input in inputs)
            Read(context, input.Origin, () => FormatSniffer.Open(input.Open(), options.MaxRecordBytes, input.FirstLine));
        return context.Finish();
    }

    /// <summary>Reads <paramref name="items"/> in order into one context, on the calling thread.</summary>
    internal static LoadResult LoadInOrder(IEnumerable<InputItem> items, LoadOptions options)
    {
        using var context = new LoadContext(options);
        foreach (var item in items)
        {
            if (item.Problem is { } problem) context.Reject(item.Path, null, null, problem);
            else LoadFile(context, item.Path);
        }
        return context.Finish();
    }

    private static void LoadFile(LoadContext context, string file) =>
        Read(context, file, () => FormatSniffer.Open(file, context.Options.MaxRecordBytes));

    private static void Read(LoadContext context, string file, Func<ByteReader> open)
    {
        context.FilesRead++;
        try
        {
            using var input = open();
            switch (FormatSniffer.Sniff(input, out var why))
            {
                case InputFormat.Json:
                    var rows = new JsonRowReader(context, file);
                    new JsonFileReader(context, input, file, new ExportRecordReader(context, file), rows).Run();
                    rows.Finish();
                    break;
                case InputFormat.Csv:
                    new CsvFileReader(context, input, file).Run();
                    break;
                default:
                    context.Reject(file, null, null, why);
                    break;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or NotSupportedException)
        {
            // A gzip stream that is corrupt, or a file that vanished or cannot be read, ends this file only.
            context.Reject(file, null, null, $"cannot read the file: {ex.Message}");
        }
    }
}
