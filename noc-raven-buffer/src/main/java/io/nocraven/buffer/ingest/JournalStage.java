package io.nocraven.buffer.ingest;

import com.lmax.disruptor.EventHandler;
import io.nocraven.buffer.journal.AppendStatus;
import io.nocraven.buffer.journal.StreamJournal;
import io.nocraven.buffer.metrics.DropReason;
import org.agrona.collections.LongArrayQueue;
import org.agrona.concurrent.EpochClock;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.LockSupport;

/**
 * The single writer of a stream: appends each event, and at {@code endOfBatch} publishes the batch, forces it when
 * the durability mode says so, advances the durable watermarks and completes the futures of durable records.
 * Under policy {@code block} it waits (parking 1 ms at a time, still running retention) until room appears or the
 * ingest is closed.
 */
final class JournalStage implements EventHandler<IngestEvent>
{
    private static final long BLOCKED_PARK_NANOS = 1_000_000L;

    private final StreamJournal journal;
    private final EpochClock clock;
    private final ArrayDeque<CompletableFuture<Long>> pendingFutures = new ArrayDeque<>();
    private final LongArrayQueue pendingSequences = new LongArrayQueue(Long.MIN_VALUE);
    private volatile boolean running = true;
    private volatile long durableTicket = -1;
    private long processedTicket = -1;

    JournalStage(final StreamJournal journal, final EpochClock clock)
    {
        this.journal = journal;
        this.clock = clock;
    }

    /** {@inheritDoc} */
    @Override
    public void onEvent(final IngestEvent event, final long ticket, final boolean endOfBatch)
    {
        long result = journal.append(event.type, event.timestamp, event.data, 0, event.length);
        while (AppendStatus.WOULD_BLOCK == result && running)
        {
            journal.commitBatch(journal.shouldForce(clock.time()));
            completeDurable();
            LockSupport.parkNanos(BLOCKED_PARK_NANOS);
            journal.maintain(clock.time());
            result = journal.append(event.type, event.timestamp, event.data, 0, event.length);
        }
        if (AppendStatus.WOULD_BLOCK == result)
        {
            journal.counters().onDrop(DropReason.BLOCKED_AT_CLOSE, 1);
        }
        final CompletableFuture<Long> future = event.future;
        if (future != null)
        {
            event.future = null;
            if (result < 0)
            {
                future.complete(result);
            }
            else
            {
                pendingFutures.add(future);
                pendingSequences.addLong(result);
            }
        }
        processedTicket = ticket;
        if (endOfBatch)
        {
            journal.commitBatch(journal.shouldForce(clock.time()));
            completeDurable();
        }
    }

    /** {@inheritDoc} */
    @Override
    public void onTimeout(final long sequence)
    {
        journal.maintain(clock.time());
        completeDurable();
    }

    /** {@inheritDoc} */
    @Override
    public void onShutdown()
    {
        journal.commitBatch(true);
        journal.awaitFlushed();
        completeDurable();
    }

    private void completeDurable()
    {
        final long durable = journal.durableSequence();
        while (!pendingSequences.isEmpty() && pendingSequences.peekLong() <= durable)
        {
            final long sequence = pendingSequences.pollLong();
            pendingFutures.poll().complete(sequence);
        }
        if (durable >= journal.writtenSequence() && pendingSequences.isEmpty())
        {
            durableTicket = processedTicket;
        }
    }

    void stop()
    {
        running = false;
    }

    long durableTicket()
    {
        return durableTicket;
    }
}
