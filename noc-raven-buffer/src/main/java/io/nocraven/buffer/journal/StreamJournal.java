package io.nocraven.buffer.journal;

import io.nocraven.buffer.Compression;
import io.nocraven.buffer.Durability;
import io.nocraven.buffer.StreamConfig;
import io.nocraven.buffer.cursor.ConsumerCursor;
import io.nocraven.buffer.cursor.CorruptionListener;
import io.nocraven.buffer.cursor.CursorRegistry;
import io.nocraven.buffer.cursor.StreamReader;
import io.nocraven.buffer.fs.DoubleSlotFile;
import io.nocraven.buffer.fs.FileLayer;
import io.nocraven.buffer.metrics.DropReason;
import io.nocraven.buffer.metrics.StreamCounters;
import io.nocraven.buffer.recovery.RecoveryReport;
import io.nocraven.buffer.recovery.StreamRecovery;
import io.nocraven.buffer.segment.RecordDescriptor;
import io.nocraven.buffer.segment.SegmentAppender;
import io.nocraven.buffer.segment.SegmentCatalog;
import io.nocraven.buffer.segment.SegmentDescriptor;
import io.nocraven.buffer.segment.SegmentEntry;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochClock;
import org.agrona.concurrent.UnsafeBuffer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * One named stream: its segments, its single writer, its limits and its consumers.
 * <p>
 * Threading: {@link #append}, {@link #commitBatch(boolean)}, {@link #maintain(long)} and {@link #close()} are
 * called by one writer thread (the stream's ingest thread, or the caller when used directly). Readers, cursors,
 * {@link #durableSequence()} and the counters may be used from any thread.
 */
public final class StreamJournal implements CorruptionListener, AutoCloseable
{
    private final StreamConfig config;
    private final Path directory;
    private final FileLayer files;
    private final EpochClock clock;
    private final SegmentCatalog catalog = new SegmentCatalog();
    private final StreamCounters counters = new StreamCounters();
    private final CursorRegistry cursors;
    private final StreamCheckpoint checkpoint;
    private final SpaceBudget budget;
    private final Retention retention;
    private final SegmentReclaimer reclaimer;
    private final SpareSegment spare;
    private final RecoveryReport recoveryReport;
    private final UnsafeBuffer wrapper = new UnsafeBuffer(0, 0);
    private Consumer<SegmentEntry> sealedSink = entry -> { };
    private SegmentStartListener segmentStart;
    private int headBudget = -1;
    private SegmentAppender appender;
    private SegmentEntry activeEntry;
    private long nextSequence;
    private volatile long durableSequence;
    private volatile long writtenSequence;
    private long lastForceMs;
    private boolean closed;

    private StreamJournal(
        final StreamConfig config, final Path directory, final FileLayer files, final EpochClock clock,
        final SpaceBudget budget) throws IOException
    {
        this.config = config;
        this.directory = directory;
        this.files = files;
        this.clock = clock;
        this.budget = budget;
        files.createDirectories(directory);
        this.checkpoint = new StreamCheckpoint(
            DoubleSlotFile.open(files, directory.resolve(StreamDirectoryDescriptor.CHECKPOINT_FILE), false), counters);
        final StreamRecovery recovery = new StreamRecovery(files, directory, config.name())
            .run(checkpoint.verifiedBelow(), checkpoint.nextSequence());
        this.recoveryReport = recovery.report();
        for (final SegmentEntry entry : recovery.entries())
        {
            catalog.add(entry);
        }
        counters.onDrop(DropReason.CORRUPT, recoveryReport.recordsLost());
        this.nextSequence = recovery.nextSequence();
        final SegmentEntry active = recovery.active();
        if (active != null)
        {
            appender = SegmentAppender.resume(files, active.path(), active.baseSequence(), active.capacity(),
                recovery.activePosition(), active.recordCount(), active.firstTimestamp(), active.maxTimestamp());
            activeEntry = active;
        }
        this.durableSequence = nextSequence - 1;
        this.writtenSequence = nextSequence - 1;
        this.cursors = new CursorRegistry(files, directory.resolve(StreamDirectoryDescriptor.CURSOR_DIRECTORY));
        this.reclaimer = new SegmentReclaimer(catalog, cursors, counters, files);
        this.retention = new Retention(this, budget);
        this.spare = new SpareSegment(files, directory, config, budget, catalog);
        writeCheckpoint();
    }

    /**
     * Open (recovering) or create a stream.
     *
     * @param config    stream settings.
     * @param directory the stream's directory.
     * @param files     file layer.
     * @param clock     wall clock.
     * @param budget    the buffer-wide budget the stream joins.
     * @return the stream.
     * @throws IOException when the directory itself is unusable (data damage is repaired and reported instead).
     */
    public static StreamJournal open(
        final StreamConfig config, final Path directory, final FileLayer files, final EpochClock clock,
        final SpaceBudget budget) throws IOException
    {
        final StreamJournal journal = new StreamJournal(config, directory, files, clock, budget);
        budget.register(journal);
        return journal;
    }

    /**
     * Where sealed segments are sent (the background compressor); called on the writer thread, must not block.
     *
     * @param sink receives each sealed segment.
     */
    public void sealedSink(final Consumer<SegmentEntry> sink)
    {
        this.sealedSink = sink;
    }

    /**
     * Who writes the head of each new segment (writer thread; optional).
     *
     * @param listener called when a segment starts, or null for none.
     */
    public void segmentStartListener(final SegmentStartListener listener)
    {
        this.segmentStart = listener;
    }

    /**
     * Prepare the next segment file in the background on this executor (optional; without it segments are
     * preallocated on the writer thread when needed).
     *
     * @param background executor for preallocation.
     */
    public void preallocateWith(final Executor background)
    {
        spare.executor(background);
        spare.request();
    }

    /**
     * Append a record (writer thread only).
     *
     * @param type      user type 0..32767.
     * @param timestamp epoch ms.
     * @param src       payload.
     * @param offset    payload offset.
     * @param length    payload length.
     * @return the sequence, or an {@link AppendStatus} code.
     */
    public long append(final int type, final long timestamp, final DirectBuffer src, final int offset, final int length)
    {
        final long status = prepare(type, length);
        if (status < 0)
        {
            return status;
        }
        final long sequence = appender.append(type, timestamp, src, offset, length);
        nextSequence = sequence + 1;
        counters.onAppend(length);
        return sequence;
    }

    /**
     * Append a record from a byte array (writer thread only).
     *
     * @param type      user type 0..32767.
     * @param timestamp epoch ms.
     * @param src       payload.
     * @param offset    payload offset.
     * @param length    payload length.
     * @return the sequence, or an {@link AppendStatus} code.
     */
    public long append(final int type, final long timestamp, final byte[] src, final int offset, final int length)
    {
        wrapper.wrap(src, offset, length);
        return append(type, timestamp, wrapper, 0, length);
    }

    private long prepare(final int type, final int length)
    {
        if (closed)
        {
            return AppendStatus.CLOSED;
        }
        if (type < 0 || type > RecordDescriptor.MAX_USER_TYPE)
        {
            throw new IllegalArgumentException("type: " + type + " (expected: 0..32767)");
        }
        if (length < 0 || length > config.maxRecordLength())
        {
            counters.onDrop(DropReason.TOO_LARGE, 1);
            return AppendStatus.TOO_LARGE;
        }
        if (headBudget >= 0)
        {
            final int framed = length + RecordDescriptor.HEADER_LENGTH + RecordDescriptor.ALIGNMENT;
            if (framed > headBudget || !appender.hasRoom(length))
            {
                return AppendStatus.TOO_LARGE;
            }
            headBudget -= framed;
            return 0;
        }
        if (appender == null || !appender.hasRoom(length))
        {
            final long rolled = roll();
            if (rolled == 0 && segmentStart != null)
            {
                writeHead(length);
            }
            return rolled;
        }
        return 0;
    }

    /** Lets the segment-start listener write the head of the new segment, keeping room for the pending record. */
    private void writeHead(final int pendingLength)
    {
        final int frame = RecordDescriptor.HEADER_LENGTH + RecordDescriptor.ALIGNMENT;
        headBudget = Math.max(0, config.segmentLength() - SegmentDescriptor.HEADER_LENGTH - 2 * frame
            - Math.max(pendingLength, config.maxRecordLength()) - 4096);
        try
        {
            segmentStart.onSegmentStart(this, activeEntry.baseSequence(), headBudget);
        }
        finally
        {
            headBudget = -1;
        }
    }

    private long roll()
    {
        if (appender != null)
        {
            sealActive();
        }
        while (true)
        {
            final int room = retention.makeRoom(config.segmentLength(), clock.time());
            if (Retention.ROOM != room)
            {
                return refused(room);
            }
            final Path path = directory.resolve(SegmentDescriptor.baseName(nextSequence) + SegmentDescriptor.SEGMENT_SUFFIX);
            try
            {
                appender = SegmentAppender.create(files, path, nextSequence, config.segmentLength(), clock.time(),
                    config.durability() != Durability.PAGE_CACHE, spare.take());
                activeEntry = new SegmentEntry(nextSequence, config.segmentLength(), path, Compression.NONE,
                    config.segmentLength());
                catalog.add(activeEntry);
                spare.request();
                return 0;
            }
            catch (final IOException ex)
            {
                final int retry = retention.onDiskFull();
                if (Retention.ROOM != retry)
                {
                    return refused(retry);
                }
            }
        }
    }

    private long refused(final int room)
    {
        if (Retention.BLOCK == room)
        {
            return AppendStatus.WOULD_BLOCK;
        }
        counters.onDrop(retention.rejectReason(), 1);
        return AppendStatus.DROPPED;
    }

    /** Seal the active segment now (writer thread); the next append starts a new segment. */
    public void sealActiveSegment()
    {
        if (appender != null && appender.recordCount() > 0)
        {
            sealActive();
        }
    }

    private void sealActive()
    {
        appender.seal(config.durability() != Durability.PAGE_CACHE);
        activeEntry.seal(appender.recordCount(), appender.firstTimestamp(), appender.maxTimestamp(), appender.position());
        appender.close();
        appender = null;
        final SegmentEntry sealed = activeEntry;
        activeEntry = null;
        durableSequence = nextSequence - 1;
        writtenSequence = nextSequence - 1;
        writeCheckpoint();
        if (config.compression() != Compression.NONE)
        {
            sealedSink.accept(sealed);
        }
    }

    private void writeCheckpoint()
    {
        checkpoint.write(activeEntry != null ? activeEntry.baseSequence() : nextSequence, nextSequence);
    }

    /**
     * End of an ingest batch (writer thread): publish what was written and, when {@code force} is true or the
     * durability mode asks for it, force it to disk and advance {@link #durableSequence()}.
     *
     * @param force true to force now (group commit, or the periodic timer expired).
     */
    public void commitBatch(final boolean force)
    {
        final long written = nextSequence - 1;
        writtenSequence = written;
        if (activeEntry != null)
        {
            activeEntry.update(appender.recordCount(), appender.firstTimestamp(), appender.maxTimestamp());
        }
        if (force && appender != null)
        {
            if (appender.force())
            {
                counters.onForce();
            }
            lastForceMs = clock.time();
        }
        if (force || config.durability() == Durability.PAGE_CACHE)
        {
            durableSequence = written;
        }
    }

    /**
     * Periodic duty (writer thread): force when the periodic interval has passed and expire by age.
     *
     * @param nowMs current time.
     * @return true when something was done.
     */
    public boolean maintain(final long nowMs)
    {
        boolean work = false;
        if (config.durability() == Durability.PERIODIC && durableSequence < nextSequence - 1 &&
            nowMs - lastForceMs >= config.flushIntervalMs())
        {
            commitBatch(true);
            work = true;
        }
        retention.expire(nowMs);
        return work;
    }

    /**
     * Whether the end-of-batch should force, by the durability mode.
     *
     * @param nowMs current time.
     * @return true to force now.
     */
    public boolean shouldForce(final long nowMs)
    {
        return config.durability() == Durability.GROUP_COMMIT ||
            config.durability() == Durability.PERIODIC && nowMs - lastForceMs >= config.flushIntervalMs();
    }

    SegmentReclaimer reclaimer()
    {
        return reclaimer;
    }

    /** {@inheritDoc} */
    @Override
    public void onCorruptSegment(final SegmentEntry entry, final long sequence)
    {
        reclaimer.quarantine(entry, sequence);
    }

    /** Apply the limits now (at open, so a quota lowered while the stream was closed holds at once). */
    public void enforceLimits()
    {
        retention.makeRoom(0, clock.time());
    }

    /**
     * A reader bound to a consumer's cursor, starting after its last acknowledgement. A new consumer starts at the
     * oldest retained record.
     *
     * @param consumer consumer name.
     * @return the reader.
     * @throws IOException when the cursor cannot be created.
     */
    public StreamReader openReader(final String consumer) throws IOException
    {
        final ConsumerCursor cursor = cursors.cursor(consumer, catalog.firstSequenceOr(nextSequence) - 1);
        return new StreamReader(catalog, files, this, cursor, cursor.ackedSequence() + 1);
    }

    /**
     * A reader not bound to any cursor (replay, inspection), starting at {@code sequence}.
     *
     * @param sequence first sequence.
     * @return the reader.
     */
    public StreamReader openReaderAt(final long sequence)
    {
        return new StreamReader(catalog, files, this, null, sequence);
    }

    /** @return settings. */
    public StreamConfig config()
    {
        return config;
    }

    /** @return the segment catalog. */
    public SegmentCatalog catalog()
    {
        return catalog;
    }

    /** @return the consumers. */
    public CursorRegistry cursors()
    {
        return cursors;
    }

    /** @return counters. */
    public StreamCounters counters()
    {
        return counters;
    }

    /** @return what recovery found when the stream was opened. */
    public RecoveryReport recoveryReport()
    {
        return recoveryReport;
    }

    /** @return highest sequence durable under the stream's durability mode, -1 when none. */
    public long durableSequence()
    {
        return durableSequence;
    }

    /** @return highest sequence written and published at the end of a batch. */
    public long writtenSequence()
    {
        return writtenSequence;
    }

    /** @return the oldest retained sequence (equals {@link #writtenSequence()} + 1 when empty). */
    public long oldestSequence()
    {
        return catalog.firstSequenceOr(writtenSequence + 1);
    }

    /**
     * Force, write the checkpoint and close files (writer thread). The active segment stays open for appends
     * after the next open.
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (appender != null)
        {
            commitBatch(true);
            appender.close();
            appender = null;
        }
        writeCheckpoint();
        spare.close();
        budget.unregister(this);
        checkpoint.close();
        try
        {
            cursors.close();
        }
        catch (final IOException ex)
        {
            counters.onIoError();
        }
    }
}
