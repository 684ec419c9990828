package io.nocraven.buffer.journal;

import io.nocraven.buffer.metrics.StreamCounters;

import java.util.ArrayDeque;
import java.util.concurrent.RejectedExecutionException;

/**
 * One stream's operations for the {@link BufferFlusher}, run one at a time in submission order on the flusher
 * thread. The writer submits and may wait for an operation (by the ticket {@link #submit} returns); the flusher
 * runs them. A failed operation stays at the head and is retried later; once the stream is closing it gets a last
 * attempt and is then abandoned. The lock on this object orders the hand-off of everything an operation touches.
 */
final class FlushQueue
{
    /** An operation run on the flusher thread. */
    interface Op
    {
        /**
         * Do the work.
         *
         * @throws RuntimeException (an {@link java.io.UncheckedIOException} from a force) to be retried later.
         */
        void run();

        /** Give up after a failed last attempt at close: release what the operation holds, claim nothing durable. */
        void abandon();
    }

    private final BufferFlusher flusher;
    private final StreamCounters counters;
    private final ArrayDeque<Op> ops = new ArrayDeque<>();
    private final Runnable drain = this::drain;
    private long submitted;
    private long completed;
    private boolean scheduled;
    private boolean closing;

    FlushQueue(final BufferFlusher flusher, final StreamCounters counters)
    {
        this.flusher = flusher;
        this.counters = counters;
    }

    /**
     * Queue an operation (writer thread; does not block).
     *
     * @param op the operation.
     * @return its ticket, for {@link #await(long)}.
     */
    synchronized long submit(final Op op)
    {
        ops.add(op);
        submitted++;
        if (!scheduled)
        {
            scheduled = true;
            try
            {
                flusher.execute(drain);
            }
            catch (final RejectedExecutionException ex)
            {
                scheduled = false;
            }
        }
        return submitted;
    }

    /** @return the ticket of the last operation submitted (0 when none). */
    synchronized long lastTicket()
    {
        return submitted;
    }

    /**
     * Whether an operation has run (or was abandoned at close).
     *
     * @param ticket its ticket.
     * @return true when done.
     */
    synchronized boolean isDone(final long ticket)
    {
        return completed >= ticket;
    }

    /**
     * Wait until the operation with this ticket and all before it have run. When the flusher was stopped, runs
     * what is left on the calling thread.
     *
     * @param ticket a ticket from {@link #submit}.
     */
    void await(final long ticket)
    {
        boolean interrupted = false;
        synchronized (this)
        {
            while (completed < ticket)
            {
                if (flusher.isTerminated() || flusher.isShutdown() && !scheduled)
                {
                    break;
                }
                try
                {
                    wait(10);
                }
                catch (final InterruptedException ex)
                {
                    interrupted = true;
                }
            }
        }
        if (!isDone(ticket))
        {
            runLeftovers();
        }
        if (interrupted)
        {
            Thread.currentThread().interrupt();
        }
    }

    /** From now on a failing operation gets one more attempt and is then abandoned (the stream is closing). */
    synchronized void closing()
    {
        closing = true;
    }

    private void runLeftovers()
    {
        synchronized (this)
        {
            closing = true;
            scheduled = true;
        }
        drain();
    }

    private void drain()
    {
        while (true)
        {
            final Op op;
            final boolean last;
            synchronized (this)
            {
                op = ops.peek();
                if (op == null)
                {
                    scheduled = false;
                    return;
                }
                last = closing;
            }
            try
            {
                op.run();
            }
            catch (final RuntimeException ex)
            {
                counters.onIoError();
                if (!last)
                {
                    retry();
                    return;
                }
                op.abandon();
            }
            synchronized (this)
            {
                ops.poll();
                completed++;
                notifyAll();
            }
        }
    }

    private void retry()
    {
        try
        {
            flusher.retryLater(drain);
        }
        catch (final RejectedExecutionException ex)
        {
            synchronized (this)
            {
                scheduled = false;
                notifyAll();
            }
        }
    }
}
