package io.nocraven.buffer;


import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.MappedByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real file layer with hooks on the two operations that wait for the device: forcing a mapped range and
 * syncing a directory. Each such call is logged as an event ({@code force S OFFSET LENGTH}, where S numbers the
 * mappings in the order they were first forced, or {@code sync}); a call whose event matches the hold predicate
 * blocks until {@link #release()}; the next {@link #failNext(int)} calls throw as a failing device would.
 */
final class HeldFileLayer extends ForwardingFileLayer
{
    private final List<String> events = new ArrayList<>();
    private final Map<MappedByteBuffer, Integer> mappings = new IdentityHashMap<>();
    private Predicate<String> hold = e -> false;
    private int holdIndex;
    private int blocked;
    private int failures;

    /**
     * Block every force or sync whose event matches, until {@link #release()}.
     *
     * @param when events to block.
     */
    synchronized void holdWhen(final Predicate<String> when)
    {
        hold = when;
    }

    /**
     * Block the call that logs the {@code index}-th event (1-based), until {@link #release()}.
     *
     * @param index event number.
     */
    synchronized void holdAtCall(final int index)
    {
        holdIndex = index;
    }

    /** Let every blocked call go on and stop holding. */
    synchronized void release()
    {
        hold = e -> false;
        holdIndex = 0;
        notifyAll();
    }

    /**
     * Make the next forces fail with an I/O error.
     *
     * @param count how many.
     */
    synchronized void failNext(final int count)
    {
        failures = count;
    }

    /**
     * Wait until a call is blocked.
     *
     * @return the event of the blocked call.
     * @throws InterruptedException when interrupted.
     */
    synchronized String awaitBlocked() throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (blocked == 0)
        {
            final long left = deadline - System.nanoTime();
            if (left <= 0)
            {
                throw new AssertionError("no call blocked; events: " + events);
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return events.get(events.size() - 1);
    }

    /** @return a copy of the events so far. */
    synchronized List<String> events()
    {
        return new ArrayList<>(events);
    }

    private void hook(final String event)
    {
        synchronized (this)
        {
            events.add(event);
            if (failures > 0)
            {
                failures--;
                throw new UncheckedIOException(new IOException("Input/output error (injected)"));
            }
            final int index = events.size();
            while (hold.test(event) || index == holdIndex)
            {
                blocked++;
                notifyAll();
                try
                {
                    wait();
                }
                catch (final InterruptedException ex)
                {
                    Thread.currentThread().interrupt();
                    throw new UncheckedIOException(new IOException("interrupted"));
                }
                finally
                {
                    blocked--;
                }
            }
        }
    }

    @Override
    public void force(final MappedByteBuffer buffer, final int offset, final int length)
    {
        final int id;
        synchronized (this)
        {
            id = mappings.computeIfAbsent(buffer, b -> mappings.size());
        }
        hook("force " + id + " " + offset + " " + length);
        super.force(buffer, offset, length);
    }

    @Override
    public void syncDirectory(final Path directory) throws IOException
    {
        hook("sync");
        super.syncDirectory(directory);
    }
}
