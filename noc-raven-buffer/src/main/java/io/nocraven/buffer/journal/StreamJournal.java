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
 * <p>
 * In {@link Durability#PERIODIC} mode with a {@link BufferFlusher} ({@link #flushWith}), the writer never waits for
 * the disk; the work is split, every hand-off going through the stream's {@link FlushQueue} (its lock orders the
 * memory accesses):
 * <ul>
 *   <li>writer thread: {@code appender} (the active segment), {@code activeEntry}'s live summary, {@code nextSequence},
 *   {@code writtenSequence}, {@code requestedSequence}, {@code lastForceMs}, {@code pendingForce}; at a roll it writes
 *   the old segment's end marker, gives the old appender to the flusher and never touches it again;</li>
 *   <li>flusher thread: forcing (the active appender's ranges the writer asked for, a rolled appender, a new
 *   segment's header and directory), the sealed header, unmapping rolled appenders, sealing their catalog entries,
 *   the checkpoint written at a seal, the hand-off to the compressor, and {@code durableSequence} (volatile; it
 *   only moves after the bytes up to it were forced);</li>
 *   <li>both, at different times: the checkpoint file (synchronised; the writer writes it at open and at close, after
 *   waiting for the flusher) and the counters (atomic).</li>
 * </ul>
 * At most one rolled segment waits for its seal: a roll waits for the previous seal first, so at most two unsealed
 * segments exist on disk (the rolled one and the active one). In the other modes, and without a flusher, all of it
 * runs on the writer thread as before.
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
    private volatile Consumer<SegmentEntry> sealedSink = entry -> { };
    private FlushQueue flushQueue;
    private ForceOp pendingForce;
    private long requestedSequence;
    private long lastSealTicket;
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
        this.requestedSequence = nextSequence - 1;
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
     * Force and seal in the background on this flusher instead of on the writer thread ({@link Durability#PERIODIC}
     * mode only; the other modes ignore it). Call before the writer starts.
     *
     * @param flusher the buffer's flusher.
     */
    public void flushWith(final BufferFlusher flusher)
    {
        if (config.durability() == Durability.PERIODIC && flushQueue == null)
        {
            flushQueue = new FlushQueue(flusher, counters);
        }
    }

    /**
     * Where sealed segments are sent (the background compressor); called on the writer thread, or on the flusher
     * thread when sealing in the background; must not block.
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
                    flushQueue == null && config.durability() != Durability.PAGE_CACHE, spare.take());
                if (flushQueue != null)
                {
                    flushQueue.submit(new CreatedOp(appender));
                }
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

    /**
     * Seal the active segment now (writer thread); the next append starts a new segment. With a background
     * flusher, returns once the flusher sealed it.
     */
    public void sealActiveSegment()
    {
        if (appender != null && appender.recordCount() > 0)
        {
            sealActive();
        }
        awaitFlushed();
    }

    /**
     * Wait until the background flusher has done everything this stream asked of it so far (forces, seals), so
     * that {@link #durableSequence()} covers what was requested (writer thread or any thread once the writer is
     * stopped). Returns at once without a flusher.
     */
    public void awaitFlushed()
    {
        final FlushQueue queue = flushQueue;
        if (queue != null)
        {
            queue.await(queue.lastTicket());
        }
    }

    /**
     * When the flusher has not sealed the segment rolled last yet, wait for it (retention needs a sealed segment to
     * evict; the rolled one is neither active nor sealed until then). Writer thread.
     *
     * @return true when it waited.
     */
    boolean awaitRolledSeal()
    {
        if (flushQueue == null || flushQueue.isDone(lastSealTicket))
        {
            return false;
        }
        flushQueue.await(lastSealTicket);
        return true;
    }

    private void sealActive()
    {
        if (flushQueue != null)
        {
            sealInBackground();
            return;
        }
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

    /**
     * The roll's part on the writer thread: wait for the previous seal (at most one pending), write the end marker,
     * publish the final summary (readers move on to the next segment) and hand the appender to the flusher.
     */
    private void sealInBackground()
    {
        flushQueue.await(lastSealTicket);
        final SegmentAppender old = appender;
        final SegmentEntry entry = activeEntry;
        old.finish();
        entry.update(old.recordCount(), old.firstTimestamp(), old.maxTimestamp());
        appender = null;
        activeEntry = null;
        pendingForce = null;
        final long through = nextSequence - 1;
        writtenSequence = through;
        requestedSequence = through;
        lastSealTicket = flushQueue.submit(new SealOp(old, entry, through));
    }

    private void writeCheckpoint()
    {
        checkpoint.write(activeEntry != null ? activeEntry.baseSequence() : nextSequence, nextSequence);
    }

    private void advanceDurable(final long sequence)
    {
        if (sequence > durableSequence)
        {
            durableSequence = sequence;
        }
    }

    /**
     * Ask the flusher to force what the active segment holds now and then advance the durable watermark to
     * {@code written}; coalesced with a request the flusher has not started yet.
     */
    private void requestForce(final long written)
    {
        if (written <= requestedSequence)
        {
            return;
        }
        requestedSequence = written;
        final SegmentAppender target = appender;
        final int to = target != null ? target.position() : 0;
        final ForceOp pending = pendingForce;
        if (pending == null || !pending.extend(target, to, written))
        {
            pendingForce = new ForceOp(target, to, written);
            flushQueue.submit(pendingForce);
        }
    }

    /**
     * End of an ingest batch (writer thread): publish what was written and, when {@code force} is true or the
     * durability mode asks for it, force it to disk and advance {@link #durableSequence()}. With a background
     * flusher ({@link Durability#PERIODIC}) the force is only requested: the flusher forces and then advances
     * {@link #durableSequence()}; {@link #awaitFlushed()} waits for it.
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
        if (flushQueue != null)
        {
            if (force)
            {
                requestForce(written);
                lastForceMs = clock.time();
            }
            return;
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
        final long requested = flushQueue != null ? requestedSequence : durableSequence;
        if (config.durability() == Durability.PERIODIC && requested < nextSequence - 1 &&
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
     * after the next open. With a background flusher, waits until it has done this stream's work (an operation
     * that keeps failing gets one last attempt).
     */
    @Override
    public void close()
    {
        if (closed)
        {
            return;
        }
        closed = true;
        if (flushQueue != null)
        {
            commitBatch(true);
            flushQueue.closing();
            awaitFlushed();
            if (appender != null)
            {
                appender.close();
                appender = null;
            }
        }
        else if (appender != null)
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

    /** A periodic force of the active segment up to a position, then the durable watermark (flusher thread). */
    private final class ForceOp implements FlushQueue.Op
    {
        private final SegmentAppender target;
        private int to;
        private long sequence;
        private boolean started;

        ForceOp(final SegmentAppender target, final int to, final long sequence)
        {
            this.target = target;
            this.to = to;
            this.sequence = sequence;
        }

        /** Writer: take a later position into this request when the flusher has not started it. */
        synchronized boolean extend(final SegmentAppender newTarget, final int newTo, final long newSequence)
        {
            if (started || newTarget != target)
            {
                return false;
            }
            to = newTo;
            sequence = newSequence;
            return true;
        }

        @Override
        public void run()
        {
            final int end;
            final long through;
            synchronized (this)
            {
                started = true;
                end = to;
                through = sequence;
            }
            if (target != null && target.forceTo(end))
            {
                counters.onForce();
            }
            advanceDurable(through);
        }

        @Override
        public void abandon()
        {
            // nothing held; the watermark stays where the last successful force left it
        }
    }

    /** The header force and directory sync of a new segment, before any of its records is declared durable. */
    private final class CreatedOp implements FlushQueue.Op
    {
        private final SegmentAppender created;

        CreatedOp(final SegmentAppender created)
        {
            this.created = created;
        }

        @Override
        public void run()
        {
            created.forceHeader();
            try
            {
                files.syncDirectory(created.path().getParent());
            }
            catch (final IOException ex)
            {
                throw new java.io.UncheckedIOException(ex);
            }
        }

        @Override
        public void abandon()
        {
            // the segment stays; recovery removes it when its header never reached the device
        }
    }

    /**
     * The seal of a rolled segment, in this order: force its records and end marker, write and force the sealed
     * header, unmap it, seal its catalog entry, advance the durable watermark, write the checkpoint, hand it to the
     * compressor.
     */
    private final class SealOp implements FlushQueue.Op
    {
        private final SegmentAppender old;
        private final SegmentEntry entry;
        private final long through;

        SealOp(final SegmentAppender old, final SegmentEntry entry, final long through)
        {
            this.old = old;
            this.entry = entry;
            this.through = through;
        }

        @Override
        public void run()
        {
            old.sealHeader(true);
            counters.onForce();
            finish();
            advanceDurable(through);
            checkpoint.write(entry.endSequence(), entry.endSequence());
            if (config.compression() != Compression.NONE)
            {
                sealedSink.accept(entry);
            }
        }

        @Override
        public void abandon()
        {
            finish();
        }

        private void finish()
        {
            final int end = old.position();
            old.close();
            entry.seal(old.recordCount(), old.firstTimestamp(), old.maxTimestamp(), end);
        }
    }
}
