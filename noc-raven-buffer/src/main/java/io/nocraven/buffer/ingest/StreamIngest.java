package io.nocraven.buffer.ingest;

import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.LiteTimeoutBlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import io.nocraven.buffer.journal.StreamJournal;
import org.agrona.DirectBuffer;
import org.agrona.concurrent.EpochClock;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Many producers, one writer: an LMAX Disruptor (multi-producer ring of pre-allocated {@link IngestEvent}s) in
 * front of a {@link StreamJournal}. Producers copy their bytes into a slot and return; the stream's writer thread
 * appends and batches I/O on {@code endOfBatch}.
 * <p>
 * Publishing uses the ring's claim/publish calls ({@code next}/{@code get}/{@code publish}) instead of an
 * {@code EventTranslator}: the translator arities would box the primitive arguments on every record; the claim is
 * the Disruptor's own allocation-free form. Durability is learnt from a ticket (the ring sequence returned by
 * {@link #publish}) and {@link #durableTicket()}, or per record from {@link #publishAsync}.
 */
public final class StreamIngest implements AutoCloseable
{
    private final StreamJournal journal;
    private final Disruptor<IngestEvent> disruptor;
    private final RingBuffer<IngestEvent> ring;
    private final JournalStage stage;
    private final CountingExceptionHandler exceptionHandler;

    /**
     * Create and start the ingest of a stream; from now on only its writer thread appends to the journal.
     *
     * @param journal the stream.
     * @param clock   wall clock for durability timing.
     */
    public StreamIngest(final StreamJournal journal, final EpochClock clock)
    {
        this.journal = journal;
        this.stage = new JournalStage(journal, clock);
        this.exceptionHandler = new CountingExceptionHandler(journal.counters());
        final long timeoutMs = Math.max(1, journal.config().flushIntervalMs() / 2);
        this.disruptor = new Disruptor<>(
            IngestEvent::new, journal.config().ringSize(),
            runnable ->
            {
                final Thread thread = new Thread(runnable, "noc-raven-buffer-" + journal.config().name());
                thread.setDaemon(true);
                return thread;
            },
            ProducerType.MULTI, new LiteTimeoutBlockingWaitStrategy(timeoutMs, TimeUnit.MILLISECONDS));
        disruptor.handleEventsWith(stage);
        disruptor.setDefaultExceptionHandler(exceptionHandler);
        this.ring = disruptor.start();
    }

    /**
     * Publish a record, waiting for a free slot when the ring is full (back-pressure).
     *
     * @param type      user type 0..32767.
     * @param timestamp epoch ms.
     * @param src       payload (copied before returning).
     * @param offset    offset.
     * @param length    length.
     * @return the ticket; the record is durable once {@link #durableTicket()} reaches it.
     */
    public long publish(final int type, final long timestamp, final byte[] src, final int offset, final int length)
    {
        final long ticket = ring.next();
        try
        {
            ring.get(ticket).set(type, timestamp, src, offset, length);
        }
        finally
        {
            ring.publish(ticket);
        }
        return ticket;
    }

    /**
     * Publish a record from any memory Agrona can wrap (a Netty direct buffer's address, say), waiting for a free
     * slot when the ring is full.
     *
     * @param type      user type 0..32767.
     * @param timestamp epoch ms.
     * @param src       payload (copied before returning).
     * @param offset    offset.
     * @param length    length.
     * @return the ticket.
     */
    public long publish(final int type, final long timestamp, final DirectBuffer src, final int offset, final int length)
    {
        final long ticket = ring.next();
        try
        {
            ring.get(ticket).set(type, timestamp, src, offset, length);
        }
        finally
        {
            ring.publish(ticket);
        }
        return ticket;
    }

    /**
     * Publish a record when a slot is free.
     *
     * @param type      user type.
     * @param timestamp epoch ms.
     * @param src       payload.
     * @param offset    offset.
     * @param length    length.
     * @return the ticket, or -1 when the ring is full.
     */
    public long tryPublish(final int type, final long timestamp, final byte[] src, final int offset, final int length)
    {
        final long ticket;
        try
        {
            ticket = ring.tryNext();
        }
        catch (final InsufficientCapacityException ex)
        {
            return -1;
        }
        try
        {
            ring.get(ticket).set(type, timestamp, src, offset, length);
        }
        finally
        {
            ring.publish(ticket);
        }
        return ticket;
    }

    /**
     * Publish a record and learn its fate: the future completes with the record's sequence once it is durable
     * under the stream's durability mode, or with a negative {@code AppendStatus} code when it was not stored.
     * Allocates the future (use {@link #publish} on hot paths).
     *
     * @param type      user type.
     * @param timestamp epoch ms.
     * @param src       payload.
     * @param offset    offset.
     * @param length    length.
     * @return the future.
     */
    public CompletableFuture<Long> publishAsync(
        final int type, final long timestamp, final byte[] src, final int offset, final int length)
    {
        final CompletableFuture<Long> future = new CompletableFuture<>();
        final long ticket = ring.next();
        try
        {
            final IngestEvent event = ring.get(ticket);
            event.set(type, timestamp, src, offset, length);
            event.future = future;
        }
        finally
        {
            ring.publish(ticket);
        }
        return future;
    }

    /** @return every ticket up to this one has been written and is durable (or was counted as dropped). */
    public long durableTicket()
    {
        return stage.durableTicket();
    }

    /**
     * Wait until a ticket is durable.
     *
     * @param ticket    from {@link #publish}.
     * @param timeoutMs how long to wait.
     * @return true when durable in time.
     */
    public boolean awaitDurable(final long ticket, final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (stage.durableTicket() < ticket)
        {
            if (System.nanoTime() - deadline > 0)
            {
                return false;
            }
            LockSupport.parkNanos(100_000L);
        }
        return true;
    }

    /** @return the exception policy's counters. */
    public CountingExceptionHandler exceptionHandler()
    {
        return exceptionHandler;
    }

    /** @return the stream. */
    public StreamJournal journal()
    {
        return journal;
    }

    /**
     * Drain the ring (records waiting in a blocked writer are counted as {@code blocked_at_close}), force, and
     * stop the writer thread. Does not close the journal.
     */
    @Override
    public void close()
    {
        stage.stop();
        try
        {
            disruptor.shutdown(30, TimeUnit.SECONDS);
        }
        catch (final TimeoutException ex)
        {
            disruptor.halt();
        }
    }
}
