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
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Read-only view of a buffer directory for tools: it opens files for reading only, maps read-only, takes no lock
 * and repairs nothing (recovery is the writer's job), so it is safe on a directory a running appliance owns: what it
 * reports is a snapshot, and files the writer compresses, evicts or quarantines meanwhile are listed again.
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
                final boolean writerLive = inUse();
                final List<SegmentVerification> result = new ArrayList<>();
                final List<Path> paths = segmentFiles(stream);
                for (int i = 0; i < paths.size(); i++)
                {
                    result.add(inspection.verify(paths.get(i), i == paths.size() - 1, writerLive));
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
        return new StreamReader(catalog(stream), files, (entry, sequence) -> { }, null, fromSequence);
    }

    private SegmentCatalog catalog(final String stream) throws IOException
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
                return catalog;
            }
            catch (final NoSuchFileException ex)
            {
                retryOrThrow(attempt, ex);
            }
        }
    }

    /**
     * Deliver the records of a stream from a sequence, or those stamped in a time range. The range uses the time
     * index: the reader seeks to the first record at or after {@code fromTimeMs} (segment summaries, then the
     * frame index of a compressed segment, then a scan) and stops at the first segment whose first record is
     * stamped after {@code toTimeMs}; records in between that fall outside the range (receive times are not
     * strictly ordered across a listener's threads) are skipped, not delivered.
     *
     * @param stream       stream name.
     * @param fromSequence first sequence (used when {@code fromTimeMs} is {@link Long#MIN_VALUE}).
     * @param fromTimeMs   first timestamp, or {@link Long#MIN_VALUE} for none.
     * @param toTimeMs     last timestamp (inclusive), or {@link Long#MAX_VALUE} for none.
     * @param handler      receives the records.
     * @return what was delivered and what could not be read.
     * @throws IOException when the directory cannot be listed.
     */
    public ExportSummary export(
        final String stream, final long fromSequence, final long fromTimeMs, final long toTimeMs,
        final RecordHandler handler) throws IOException
    {
        return export(stream, fromSequence, fromTimeMs, toTimeMs, null, handler);
    }

    /**
     * As {@link #export(String, long, long, long, RecordHandler)}, and first hands the records from the start of the
     * segment that holds the first exported record up to that record to {@code context}: what a reader needs to
     * rebuild state that a segment carries at its head (the appliance's template snapshots, for example) when the
     * export starts in the middle of a segment.
     *
     * @param stream       stream name.
     * @param fromSequence first sequence (used when {@code fromTimeMs} is {@link Long#MIN_VALUE}).
     * @param fromTimeMs   first timestamp, or {@link Long#MIN_VALUE} for none.
     * @param toTimeMs     last timestamp (inclusive), or {@link Long#MAX_VALUE} for none.
     * @param context      receives the records before the first exported one in its segment, or null.
     * @param handler      receives the records.
     * @return what was delivered and what could not be read.
     * @throws IOException when the directory cannot be listed.
     */
    public ExportSummary export(
        final String stream, final long fromSequence, final long fromTimeMs, final long toTimeMs,
        final RecordHandler context, final RecordHandler handler) throws IOException
    {
        final SegmentCatalog catalog = catalog(stream);
        long stopSequence = Long.MAX_VALUE;
        for (final SegmentEntry entry : catalog.snapshot())
        {
            if (entry.recordCount() > 0 && entry.firstTimestamp() > toTimeMs)
            {
                stopSequence = entry.baseSequence();
                break;
            }
        }
        final long stop = stopSequence;
        final long[] delivered = new long[1];
        final RecordHandler inRange = (sequence, timestamp, type, buffer, offset, length) ->
        {
            if (sequence < stop && timestamp >= fromTimeMs && timestamp <= toTimeMs)
            {
                delivered[0]++;
                handler.onRecord(sequence, timestamp, type, buffer, offset, length);
            }
        };
        try (StreamReader reader = new StreamReader(catalog, files, (entry, sequence) -> { }, null, fromSequence))
        {
            if (fromTimeMs != Long.MIN_VALUE)
            {
                reader.seekTime(fromTimeMs);
            }
            if (context != null)
            {
                primeContext(catalog, reader.nextSequence(), context);
            }
            while (reader.nextSequence() < stop && reader.poll(inRange, 4096) > 0)
            {
                // poll until the end of the data or the stop segment
            }
            return new ExportSummary(delivered[0], reader.missedRecords(), reader.nextSequence());
        }
    }

    private void primeContext(final SegmentCatalog catalog, final long first, final RecordHandler context)
    {
        final SegmentEntry segment = catalog.find(first);
        if (segment == null || segment.baseSequence() >= first)
        {
            return;
        }
        try (StreamReader primer = new StreamReader(catalog, files, (entry, sequence) -> { }, null,
            segment.baseSequence()))
        {
            final RecordHandler before = (sequence, timestamp, type, buffer, offset, length) ->
            {
                if (sequence < first)
                {
                    context.onRecord(sequence, timestamp, type, buffer, offset, length);
                }
            };
            while (primer.nextSequence() < first && primer.poll(before, (int)Math.min(4096, first - primer.nextSequence()))
                > 0)
            {
                // poll up to the first exported record
            }
        }
    }

    /**
     * The stream checkpoint's next sequence (written when a segment is sealed, at open and at close).
     *
     * @param stream stream name.
     * @return the next sequence the writer would assign, or -1 when the checkpoint is missing or has no valid slot.
     * @throws IOException when the file exists but cannot be read.
     */
    public long checkpointNextSequence(final String stream) throws IOException
    {
        final Path path = streamDirectory(stream).resolve(StreamDirectoryDescriptor.CHECKPOINT_FILE);
        if (!Files.isRegularFile(path))
        {
            return -1;
        }
        try (DoubleSlotFile file = DoubleSlotFile.open(files, path, true))
        {
            return file.isValid() ? file.value(1) : -1;
        }
    }

    /**
     * Whether a process holds the buffer's writer lock ({@code buffer.lock}) now. Probed with a shared lock on a
     * read-only channel that is released at once: nothing is written, but a writer starting in that instant would
     * see the directory as in use and fail to start.
     *
     * @return true when a writer (a running appliance, or this JVM) holds the buffer.
     * @throws IOException when the lock file exists but cannot be opened.
     */
    public boolean inUse() throws IOException
    {
        final Path lockFile = directory.resolve(DurableBuffer.LOCK_FILE);
        if (!Files.isRegularFile(lockFile))
        {
            return false;
        }
        try (FileChannel channel = files.open(lockFile, StandardOpenOption.READ))
        {
            final FileLock lock = channel.tryLock(0, Long.MAX_VALUE, true);
            if (lock == null)
            {
                return true;
            }
            lock.release();
            return false;
        }
        catch (final OverlappingFileLockException ex)
        {
            return true;
        }
    }

    /** @return the buffer directory. */
    public Path directory()
    {
        return directory;
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
