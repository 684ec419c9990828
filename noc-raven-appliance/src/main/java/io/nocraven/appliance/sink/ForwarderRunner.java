package io.nocraven.appliance.sink;

import io.nocraven.appliance.config.ListenerType;
import io.nocraven.appliance.pipeline.FlowTemplates;
import io.nocraven.appliance.pipeline.JournalEntryDecoder;
import io.nocraven.appliance.pipeline.JournalEntryDescriptor;
import io.nocraven.appliance.pipeline.JournalStage;
import io.nocraven.codec.CodecOptions;
import io.nocraven.core.record.CountingRecordWriter;
import io.nocraven.core.record.JsonLine;
import io.nocraven.core.record.JsonRecordWriter;
import io.nocraven.core.record.RecordKind;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drives one forwarder from its buffer cursors, on its own thread, at least once: poll a batch from each stream,
 * decode it (one decoder per stream, so templates persist across batches), hand records and raw bytes to the
 * forwarder, {@link Forwarder#commit()}, and only then acknowledge the cursors. When the commit fails, the cursors
 * go back to the last acknowledgement and the batch is retried after an exponential back-off with jitter.
 * Can be paused (nothing is read; the backlog stays in the buffer) and told to replay from a time.
 * <p>
 * Flow decoders (NetFlow v9, IPFIX) need the templates that came before the entries they read. Before reading a
 * flow stream from a position it did not reach in order (start, replay, purge, or a rewind across a template
 * change), the runner rebuilds the decoder: a fresh one is fed the stream from the head of the segment holding the
 * last delivered entry (the template snapshot written there, then every entry up to the position), records
 * discarded ({@link EntrySource#prime}). Decoders judge template lifetimes on the entries' receive time.
 */
public final class ForwarderRunner implements Runnable, AutoCloseable
{
    private static final Logger LOG = LoggerFactory.getLogger(ForwarderRunner.class);
    private static final int BATCH = 512;
    private static final long IDLE_NANOS = 5_000_000L;
    /** Longest sleep between polls of an idle buffer: empty polls double the sleep from {@link #IDLE_NANOS} to this. */
    private static final long MAX_IDLE_NANOS = 50_000_000L;
    /** Longest time spent at stop delivering what the buffer holds. */
    private static final long STOP_DRAIN_MILLIS = 5_000;

    private final Forwarder forwarder;
    private final List<EntrySource> sources;
    private final JournalEntryDecoder entries;
    private final long[] templateMarks = new long[ListenerType.values().length];
    private final CountingRecordWriter discard = new CountingRecordWriter();
    private final AtomicLong primedEntries = new AtomicLong();
    private final AtomicLong snapshotsApplied = new AtomicLong();
    private final AtomicLong badSnapshots = new AtomicLong();
    private final Backoff backoff;
    private volatile long faults;
    private volatile long unreadableEntries;
    private volatile String lastFault;
    private final JsonRecordWriter writer;
    private final Thread thread;
    private ListenerType current;
    private long idleNanos = IDLE_NANOS;
    private volatile boolean paused;
    private volatile boolean running = true;
    private volatile long replayFromMs = -1;
    private volatile boolean purge;

    /**
     * @param forwarder        the forwarder.
     * @param sources          one source per stream it takes.
     * @param options          decoder options.
     * @param initialBackoffMs first retry delay.
     * @param maxBackoffMs     longest retry delay.
     */
    public ForwarderRunner(final Forwarder forwarder, final List<EntrySource> sources, final CodecOptions options,
        final long initialBackoffMs, final long maxBackoffMs)
    {
        this.forwarder = forwarder;
        this.sources = List.copyOf(sources);
        this.entries = new JournalEntryDecoder(options);
        this.backoff = new Backoff(initialBackoffMs, maxBackoffMs);
        this.writer = new JsonRecordWriter(this::onLine);
        this.thread = new Thread(this, "noc-raven-forward-" + forwarder.name());
        this.thread.setDaemon(true);
    }

    /** Starts the forwarding thread. */
    public void start()
    {
        thread.start();
    }

    @Override
    public void run()
    {
        primeAll();
        while (running)
        {
            if (paused)
            {
                LockSupport.parkNanos(IDLE_NANOS * 20);
                continue;
            }
            applyReplay();
            final long now = System.currentTimeMillis();
            if (!backoff.ready(now))
            {
                LockSupport.parkNanos(IDLE_NANOS);
                continue;
            }
            try
            {
                int delivered = 0;
                for (final EntrySource s : sources)
                {
                    delivered += s.poll(this::onEntry, BATCH);
                }
                if (delivered == 0)
                {
                    LockSupport.parkNanos(idleNanos);
                    idleNanos = Math.min(idleNanos * 2, MAX_IDLE_NANOS);
                    continue;
                }
                idleNanos = IDLE_NANOS;
                commitOrRewind();
            }
            catch (final RuntimeException | LinkageError ex)
            {
                onFault(ex);
            }
        }
        drainAtStop();
    }

    /**
     * A forwarder (or a decoder it drives) threw: the batch is not acknowledged, the cursors go back to the last
     * acknowledgement and the batch is retried after the backoff, so nothing is lost and the thread never dies.
     * The fault is counted and shown in status; a forwarder that keeps throwing on the same entry keeps retrying
     * (visible as a rising fault count and lag) rather than skipping data.
     */
    private void onFault(final Throwable ex)
    {
        faults++;
        lastFault = ex.toString();
        final long delay = backoff.failed(System.currentTimeMillis());
        rewindAll();
        if (Long.bitCount(faults) == 1)
        {
            LOG.error("{}: forwarder fault #{} (batch not acknowledged, retrying in {} ms)", forwarder.name(), faults,
                delay, ex);
        }
    }

    /**
     * @return how many batches failed with an exception thrown by the forwarder (not a delivery failure it
     *     reported itself).
     */
    public long faults()
    {
        return faults;
    }

    /**
     * @return journal entries skipped because their header could not be read.
     */
    public long unreadableEntries()
    {
        return unreadableEntries;
    }

    /**
     * @return the last exception thrown by the forwarder, or null.
     */
    public String lastFault()
    {
        return lastFault;
    }

    /**
     * At stop, delivers what the buffer already holds (bounded by {@link #STOP_DRAIN_MILLIS}); anything left, or
     * anything the target refuses, stays in the buffer for the next start.
     */
    private void drainAtStop()
    {
        final long deadline = System.currentTimeMillis() + STOP_DRAIN_MILLIS;
        while (!paused && System.currentTimeMillis() < deadline)
        {
            int delivered = 0;
            for (final EntrySource s : sources)
            {
                delivered += s.poll(this::onEntry, BATCH);
            }
            if (delivered == 0 || !commitAndAck())
            {
                return;
            }
        }
    }

    private boolean commitAndAck()
    {
        if (!forwarder.commit())
        {
            return false;
        }
        try
        {
            for (final EntrySource s : sources)
            {
                s.ack();
            }
            markTemplates();
            return true;
        }
        catch (final IOException ex)
        {
            LOG.error("{}: cannot persist the cursor: {}", forwarder.name(), ex.toString());
            return false;
        }
    }

    private void commitOrRewind()
    {
        if (commitAndAck())
        {
            backoff.succeeded();
            return;
        }
        final long delay = backoff.failed(System.currentTimeMillis());
        rewindAll();
        if (Long.bitCount(backoff.attempts()) == 1)
        {
            LOG.warn("{}: delivery failed ({}); retrying in {} ms", forwarder.name(), forwarder.status().lastError(),
                delay);
        }
    }

    /** Back to the last acknowledgement; flow decoders whose templates changed in the batch are rebuilt. */
    private void rewindAll()
    {
        for (final EntrySource s : sources)
        {
            s.rewind();
            final ListenerType t = flowStream(s);
            if (t != null && FlowTemplates.changes(entries.decoder(t)) != templateMarks[t.ordinal()])
            {
                prime(s, t);
            }
        }
    }

    private void applyReplay()
    {
        if (purge)
        {
            purge = false;
            for (final EntrySource s : sources)
            {
                try
                {
                    s.skipToEnd();
                }
                catch (final IOException ex)
                {
                    LOG.error("{}: purge of {} failed: {}", forwarder.name(), s.stream(), ex.toString());
                }
            }
            primeAll();
        }
        final long from = replayFromMs;
        if (from < 0)
        {
            return;
        }
        replayFromMs = -1;
        for (final EntrySource s : sources)
        {
            try
            {
                s.replayFrom(from);
            }
            catch (final IOException ex)
            {
                LOG.error("{}: replay of {} failed: {}", forwarder.name(), s.stream(), ex.toString());
            }
        }
        primeAll();
    }

    private void primeAll()
    {
        for (final EntrySource s : sources)
        {
            final ListenerType t = flowStream(s);
            if (t != null)
            {
                prime(s, t);
            }
        }
    }

    /** @return the listener of a flow stream this runner decodes, else null. */
    private ListenerType flowStream(final EntrySource s)
    {
        final ListenerType t = ListenerType.byConfigName(s.stream());
        return t != null && forwarder.wantsRecords() && FlowTemplates.hasTemplates(t.family()) ? t : null;
    }

    private void prime(final EntrySource s, final ListenerType t)
    {
        entries.reset(t);
        final int n = s.prime(this::onPrimeEntry);
        templateMarks[t.ordinal()] = FlowTemplates.changes(entries.decoder(t));
        primedEntries.addAndGet(n);
        if (n > 0)
        {
            LOG.info("{}: {} decoder state rebuilt from {} entries before its position", forwarder.name(), s.stream(), n);
        }
    }

    private void markTemplates()
    {
        for (final EntrySource s : sources)
        {
            final ListenerType t = flowStream(s);
            if (t != null)
            {
                templateMarks[t.ordinal()] = FlowTemplates.changes(entries.decoder(t));
            }
        }
    }

    private void onPrimeEntry(final long sequence, final long timestampMs, final int type, final byte[] buf,
        final int offset, final int length)
    {
        final ListenerType lt = entries.readHeader(buf, offset, length);
        if (lt == null)
        {
            return;
        }
        if (type == JournalStage.TYPE_TEMPLATES)
        {
            applySnapshot(lt, buf, offset, length);
        }
        else if (type == JournalStage.TYPE_INPUT)
        {
            entries.decodePayload(lt, buf, offset, length, discard);
        }
    }

    private void applySnapshot(final ListenerType lt, final byte[] buf, final int offset, final int length)
    {
        try
        {
            entries.applySnapshot(lt, buf, offset, length);
            snapshotsApplied.incrementAndGet();
        }
        catch (final IllegalArgumentException ex)
        {
            badSnapshots.incrementAndGet();
            LOG.warn("{}: skipping a bad template snapshot in {}: {}", forwarder.name(), lt.configName(),
                ex.getMessage());
        }
    }

    private void onEntry(final long sequence, final long timestampMs, final int recordType, final byte[] buf,
        final int offset, final int length)
    {
        final ListenerType type = entries.readHeader(buf, offset, length);
        if (type == null)
        {
            // The buffer's CRC passed, so this is an entry this version cannot interpret (a newer entry type, or a
            // journal header bug): it stays in the buffer (`noc-raven buffer export` shows it as invalid), and is
            // counted and logged here rather than skipped silently.
            unreadableEntries++;
            if (Long.bitCount(unreadableEntries) == 1)
            {
                LOG.warn("{}: {} entries with an unreadable journal header skipped (last: sequence {}, {} bytes)",
                    forwarder.name(), unreadableEntries, sequence, length);
            }
            return;
        }
        if (recordType == JournalStage.TYPE_TEMPLATES)
        {
            if (forwarder.wantsRecords())
            {
                applySnapshot(type, buf, offset, length);
            }
            return;
        }
        if (recordType != JournalStage.TYPE_INPUT)
        {
            return;
        }
        forwarder.onRaw(type, entries.context(), buf, offset + JournalEntryDescriptor.HEADER_LENGTH,
            length - JournalEntryDescriptor.HEADER_LENGTH);
        if (forwarder.wantsRecords())
        {
            current = type;
            entries.decodePayload(type, buf, offset, length, writer);
        }
    }

    private void onLine(final RecordKind kind, final JsonLine line)
    {
        forwarder.onRecord(current, kind, entries.context(), line);
    }

    /** Stops reading; what is in the buffer stays there. */
    public void pause()
    {
        paused = true;
    }

    /** Resumes reading. */
    public void resume()
    {
        paused = false;
    }

    /**
     * @return true while paused.
     */
    public boolean paused()
    {
        return paused;
    }

    /**
     * Re-delivers everything from a time on (at-least-once: the target sees those records again).
     *
     * @param timestampMs epoch ms.
     */
    public void replayFrom(final long timestampMs)
    {
        replayFromMs = timestampMs;
    }

    /** Drops this forwarder's backlog: everything written so far counts as delivered (applied on its thread). */
    public void purgeBacklog()
    {
        purge = true;
    }

    /** @return entries read to rebuild flow decoder state (start, replay, purge, rewind). */
    public long primedEntries()
    {
        return primedEntries.get();
    }

    /** @return template snapshot entries applied to the flow decoders. */
    public long snapshotsApplied()
    {
        return snapshotsApplied.get();
    }

    /** @return template snapshot entries that could not be read. */
    public long badSnapshots()
    {
        return badSnapshots.get();
    }

    /**
     * @return the forwarder.
     */
    public Forwarder forwarder()
    {
        return forwarder;
    }

    /**
     * @return entries not yet acknowledged, over all its streams.
     */
    public long lag()
    {
        long lag = 0;
        for (final EntrySource s : sources)
        {
            lag += s.lag();
        }
        return lag;
    }

    /** Stops the thread after its current batch, then closes the sources and the forwarder. */
    @Override
    public void close()
    {
        running = false;
        try
        {
            thread.join(30_000);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        for (final EntrySource s : sources)
        {
            s.close();
        }
        forwarder.close();
    }
}
