package io.nocraven.appliance.pipeline;

import com.lmax.disruptor.EventHandler;
import io.nocraven.appliance.config.ListenerType;
import io.nocraven.buffer.journal.AppendStatus;
import io.nocraven.buffer.journal.StreamJournal;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;

/**
 * First pipeline stage: the single writer of every listener's buffer stream. Each input is written as one buffer
 * record ({@link JournalEntryDescriptor}: envelope header + the bytes as received, type {@link #TYPE_INPUT}),
 * timestamped with its receive time. Flow streams also get their templates at the head of every segment
 * ({@link TemplateTracker}, type {@link #TYPE_TEMPLATES}). At the end of each batch the touched streams are published and forced when
 * their durability mode says so; when the ring is idle the streams' periodic duties run (fsync timer, retention).
 * Under overflow policy {@code block} it waits for room (parking, still running retention) instead of dropping.
 */
public final class JournalStage implements EventHandler<IngressEvent>
{
    /** Buffer record type of a journaled input. */
    public static final int TYPE_INPUT = 1;
    /** Buffer record type of a template snapshot ({@link TemplateSnapshotDescriptor}) at the head of a segment. */
    public static final int TYPE_TEMPLATES = 2;

    private static final long BLOCKED_PARK_NANOS = 1_000_000L;
    private static final ListenerType[] TYPES = ListenerType.values();

    private final StreamJournal[] journals;
    private final TemplateTracker[] trackers;
    private final boolean[] touched = new boolean[TYPES.length];
    private final AtomicLongArray notStored = new AtomicLongArray(TYPES.length);
    private volatile boolean running = true;

    /**
     * @param journals the stream of each listener, indexed by {@link ListenerType#ordinal()}.
     * @param trackers the template tracker of each flow listener (null for the others), same index; each is
     *                 already the segment-start listener of its stream.
     */
    public JournalStage(final StreamJournal[] journals, final TemplateTracker[] trackers)
    {
        this.journals = journals.clone();
        this.trackers = trackers.clone();
    }

    @Override
    public void onEvent(final IngressEvent event, final long sequence, final boolean endOfBatch)
    {
        final int l = event.listener;
        final StreamJournal journal = journals[l];
        JournalEntryDescriptor.writeHeader(event.data, 0, TYPES[l], event.context);
        final long millis = event.context.receivedAtEpochNanos() / 1_000_000L;
        final int length = IngressEvent.PAYLOAD_OFFSET + event.length;
        final TemplateTracker tracker = trackers[l];
        if (tracker != null)
        {
            tracker.at(millis);
        }
        long result = journal.append(TYPE_INPUT, millis, event.data, 0, length);
        while (result == AppendStatus.WOULD_BLOCK && running)
        {
            journal.commitBatch(journal.shouldForce(System.currentTimeMillis()));
            LockSupport.parkNanos(BLOCKED_PARK_NANOS);
            journal.maintain(System.currentTimeMillis());
            result = journal.append(TYPE_INPUT, millis, event.data, 0, length);
        }
        if (result < 0)
        {
            notStored.incrementAndGet(l);
        }
        if (tracker != null)
        {
            tracker.learn(event.context, event.data, IngressEvent.PAYLOAD_OFFSET, event.length);
        }
        touched[l] = true;
        if (endOfBatch)
        {
            commitTouched();
        }
    }

    private void commitTouched()
    {
        final long now = System.currentTimeMillis();
        for (int i = 0; i < touched.length; i++)
        {
            if (touched[i])
            {
                touched[i] = false;
                journals[i].commitBatch(journals[i].shouldForce(now));
            }
        }
    }

    @Override
    public void onTimeout(final long sequence)
    {
        final long now = System.currentTimeMillis();
        for (final StreamJournal j : journals)
        {
            j.maintain(now);
        }
    }

    @Override
    public void onShutdown()
    {
        for (final StreamJournal j : journals)
        {
            j.commitBatch(true);
        }
    }

    /** Stops waiting for room under policy {@code block} (shutdown). */
    public void stop()
    {
        running = false;
    }

    /**
     * @param type a listener.
     * @return inputs the buffer did not store (dropped by policy, too large, closed); the buffer counts the reasons.
     */
    public long notStored(final ListenerType type)
    {
        return notStored.get(type.ordinal());
    }
}
