package io.nocraven.buffer.journal;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The buffer's background flusher: one thread ({@value #THREAD_NAME}) shared by every stream in
 * {@link io.nocraven.buffer.Durability#PERIODIC} mode, so that the stream's writer thread never waits for the disk.
 * It runs each stream's flush operations (periodic forces, the seal of a rolled segment, the header force and
 * directory sync of a new segment) in the order the writer submitted them; streams are independent of each other.
 * An operation that fails (an I/O error from {@code msync} or {@code fsync}) is counted in the stream's
 * {@code ioErrors} and retried after {@value #RETRY_DELAY_MS} ms, holding back that stream's later operations (so
 * the durable watermark never passes data that was not forced); the thread itself never dies of it.
 */
public final class BufferFlusher implements AutoCloseable
{
    /** Name of the flusher thread. */
    public static final String THREAD_NAME = "noc-raven-buffer-flusher";
    /** Delay before a failed operation is tried again. */
    public static final long RETRY_DELAY_MS = 100;

    private final ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable ->
    {
        final Thread thread = new Thread(runnable, THREAD_NAME);
        thread.setDaemon(true);
        return thread;
    });

    /** Start the flusher thread (on the first operation). */
    public BufferFlusher()
    {
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    }

    void execute(final Runnable task)
    {
        executor.execute(task);
    }

    void retryLater(final Runnable task)
    {
        executor.schedule(task, RETRY_DELAY_MS, TimeUnit.MILLISECONDS);
    }

    boolean isShutdown()
    {
        return executor.isShutdown();
    }

    boolean isTerminated()
    {
        return executor.isTerminated();
    }

    /**
     * Stop the thread once the queued operations ran; call after every stream was closed (a stream's
     * {@code close()} drains its own operations first).
     */
    @Override
    public void close()
    {
        executor.shutdown();
        try
        {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
    }
}
