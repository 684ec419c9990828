package io.nocraven.buffer.inspect;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.DurableBuffer;
import io.nocraven.buffer.compress.CompressedSegmentIndex;
import io.nocraven.buffer.cursor.ConsumerCursor;
import io.nocraven.buffer.cursor.RecordHandler;
import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.fs.DefaultFileLayer;
import io.nocraven.buffer.fs.DoubleSlotFile;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.journal.StreamDirectoryDescriptor;
import io.nocraven.buffer.segment.SegmentCatalog;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only view of a buffer directory for tools: it opens files for reading only, maps read-only, takes no lock
 * and repairs nothing (recovery is the writer's job), so it is safe on a directory a running appliance owns.
 * <pre>{@code
 * BufferInspector inspector = BufferInspector.open(Path.of("/var/lib/noc-raven"));
 * for (String stream : inspector.streams()) { inspector.segments(stream).forEach(System.out::println); }
 * VerifyReport report = inspector.verify("syslog");
 * inspector.export("syslog", 0, fromMs, toMs, (seq, ts, type, buf, off, len) -> ...);
 * }</pre>
 */
public final class BufferInspector
{
    private static final int MAX_LISTING_ATTEMPTS = 5;

    private final Path directory;
    private final FileLayer files;
    private final SegmentInspection inspection;

    private BufferInspector(final Path directory, final FileLayer files)
    {
        this.directory = directory;
        this.files = files;
        this.inspection = new SegmentInspection(files);
    }

    /**
     * Inspect a buffer directory through the real file system.
     *
     * @param directory the buffer directory (holding {@code streams/}).
     * @return the inspector.
     */
    public static BufferInspector open(final Path directory)
    {
        return new BufferInspector(directory, DefaultFileLayer.INSTANCE);
    }

    /**
     * Inspect through a given file layer.
     *
     * @param directory the buffer directory.
     * @param files     file layer.
     * @return the inspector.
     */
    public static BufferInspector open(final Path directory, final FileLayer files)
    {
        return new BufferInspector(directory, files);
    }

    private Path streamDirectory(final String stream)
    {
        return directory.resolve(DurableBuffer.STREAMS_DIRECTORY).resolve(stream);
    }

    /**
     * The streams present on disk.
     *
     * @return stream names, sorted.
     * @throws IOException when the directory cannot be listed.
     */
    public List<String> streams() throws IOException
    {
        final List<String> names = new ArrayList<>();
        for (final Path path : files.listDirectories(directory.resolve(DurableBuffer.STREAMS_DIRECTORY)))
        {
            names.add(path.getFileName().toString());
        }
        return names;
    }

    /**
     * Every segment file of a stream, including quarantined ones.
     *
     * @param stream stream name.
     * @return summaries, ordered by base sequence.
     * @throws IOException when the directory cannot be listed.
     */
    public List<SegmentSummary> segments(final String stream) throws IOException
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                final List<SegmentSummary> result = new ArrayList<>();
                for (final Path path : segmentFiles(stream))
                {
                    result.add(inspection.summarise(path));
                }
                return result;
            }
            catch (final NoSuchFileException ex)
            {
                retryOrThrow(attempt, ex);
            }
        }
    }

    /**
     * Verify every record's CRC in every segment of a stream.
     *
     * @param stream stream name.
     * @return the report.
     * @throws IOException when the directory cannot be listed.
     */
    public VerifyReport verify(final String stream) throws IOException
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                final List<SegmentVerification> result = new ArrayList<>();
                final List<Path> paths = segmentFiles(stream);
                for (int i = 0; i < paths.size(); i++)
                {
                    result.add(inspection.verify(paths.get(i), i == paths.size() - 1));
                }
                return new VerifyReport(stream, result);
            }
            catch (final NoSuchFileException ex)
            {
                retryOrThrow(attempt, ex);
            }
        }
    }

    /**
     * The consumer cursors of a stream.
     *
     * @param stream stream name.
     * @return cursors, sorted by name.
     * @throws IOException when a cursor file cannot be read.
     */
    public List<CursorSummary> cursors(final String stream) throws IOException
    {
        final List<CursorSummary> result = new ArrayList<>();
        for (final Path path : files.list(streamDirectory(stream).resolve(StreamDirectoryDescriptor.CURSOR_DIRECTORY)))
        {
            final String name = path.getFileName().toString();
            if (name.endsWith(ConsumerCursor.SUFFIX))
            {
                try (DoubleSlotFile file = DoubleSlotFile.open(files, path, true))
                {
                    result.add(new CursorSummary(name.substring(0, name.length() - ConsumerCursor.SUFFIX.length()),
                        file.value(0), file.value(1), file.generation()));
                }
            }
        }
        return result;
    }

    /**
     * A reader over the stream as it is on disk now (segments written later are not seen). Close it when done.
     *
     * @param stream       stream name.
     * @param fromSequence first sequence.
     * @return the reader; damaged segments are skipped and counted in its missed records.
     * @throws IOException when the directory cannot be listed.
     */
    public StreamReader reader(final String stream, final long fromSequence) throws IOException
    {
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                final SegmentCatalog catalog = new SegmentCatalog();
                for (final Path path : segmentFiles(stream))
                {
                    final SegmentEntry entry = inspection.entry(path);
                    if (entry != null)
                    {
                        catalog.add(entry);
                    }
                }
                return new StreamReader(catalog, files, (entry, sequence) -> { }, null, fromSequence);
            }
            catch (final NoSuchFileException ex)
            {
                retryOrThrow(attempt, ex);
            }
        }
    }

    /**
     * Deliver the records of a stream from a sequence, or from a time, up to a time (inclusive).
     *
     * @param stream       stream name.
     * @param fromSequence first sequence (used when {@code fromTimeMs} is {@link Long#MIN_VALUE}).
     * @param fromTimeMs   first timestamp, or {@link Long#MIN_VALUE} for none.
     * @param toTimeMs     last timestamp, or {@link Long#MAX_VALUE} for none.
     * @param handler      receives the records.
     * @return records delivered.
     * @throws IOException when the directory cannot be listed.
     */
    public long export(
        final String stream, final long fromSequence, final long fromTimeMs, final long toTimeMs,
        final RecordHandler handler) throws IOException
    {
        long delivered = 0;
        try (StreamReader reader = reader(stream, fromSequence))
        {
            if (fromTimeMs != Long.MIN_VALUE)
            {
                reader.seekTime(fromTimeMs);
            }
            int batch;
            while ((batch = reader.poll(handler, 4096, toTimeMs)) > 0)
            {
                delivered += batch;
            }
        }
        return delivered;
    }

    /**
     * A running writer compressed, evicted or quarantined a file between the listing and the read: list again, a few
     * times, before giving up.
     */
    private static void retryOrThrow(final int attempt, final NoSuchFileException ex) throws NoSuchFileException
    {
        if (attempt >= MAX_LISTING_ATTEMPTS)
        {
            throw ex;
        }
    }

    private List<Path> segmentFiles(final String stream) throws IOException
    {
        final List<Path> result = new ArrayList<>();
        for (final Path path : files.list(streamDirectory(stream)))
        {
            final String name = path.getFileName().toString();
            if (SegmentDescriptor.parseBaseSequence(name) >= 0 &&
                (Compression.ofFileName(name) != null || name.endsWith(SegmentDescriptor.QUARANTINE_SUFFIX)))
            {
                result.add(path);
            }
        }
        return result;
    }

    static boolean isCompressedIndexValid(final FileLayer files, final Path path)
    {
        try
        {
            CompressedSegmentIndex.read(files, path);
            return true;
        }
        catch (final IOException ex)
        {
            return false;
        }
    }
}
