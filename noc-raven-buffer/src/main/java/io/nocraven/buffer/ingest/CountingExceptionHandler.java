package io.nocraven.buffer.ingest;

import com.lmax.disruptor.ExceptionHandler;
import io.nocraven.buffer.metrics.DropReason;
import io.nocraven.buffer.metrics.StreamCounters;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The ingest exception policy: count the failure, count the record as dropped ({@code writer_error}), fail its
 * future, remember the last error, and carry on with the next event. The Disruptor's default handler would halt
 * the writer silently; a durable buffer must keep writing.
 */
public final class CountingExceptionHandler implements ExceptionHandler<IngestEvent>
{
    private final StreamCounters counters;
    private final AtomicLong errors = new AtomicLong();
    private volatile Throwable lastError;

    /**
     * Create the handler.
     *
     * @param counters the stream's counters.
     */
    public CountingExceptionHandler(final StreamCounters counters)
    {
        this.counters = counters;
    }

    /** {@inheritDoc} */
    @Override
    public void handleEventException(final Throwable ex, final long sequence, final IngestEvent event)
    {
        errors.incrementAndGet();
        lastError = ex;
        counters.onDrop(DropReason.WRITER_ERROR, 1);
        if (event != null && event.future != null)
        {
            event.future.completeExceptionally(ex);
            event.future = null;
        }
    }

    /** {@inheritDoc} */
    @Override
    public void handleOnStartException(final Throwable ex)
    {
        errors.incrementAndGet();
        lastError = ex;
    }

    /** {@inheritDoc} */
    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        errors.incrementAndGet();
        lastError = ex;
    }

    /** @return exceptions seen. */
    public long errors()
    {
        return errors.get();
    }

    /** @return the last exception, or null. */
    public Throwable lastError()
    {
        return lastError;
    }
}
