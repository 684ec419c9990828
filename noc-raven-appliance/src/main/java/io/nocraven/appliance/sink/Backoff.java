package io.nocraven.appliance.sink;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential back-off with full jitter: the n-th delay is uniform in [initial/2, min(max, initial * 2^n)].
 * Not thread-safe; one per forwarder.
 */
public final class Backoff
{
    private final long initialMillis;
    private final long maxMillis;
    private int attempt;
    private long nextAttemptAt;

    /**
     * @param initialMillis first delay.
     * @param maxMillis     cap.
     */
    public Backoff(final long initialMillis, final long maxMillis)
    {
        this.initialMillis = initialMillis;
        this.maxMillis = maxMillis;
    }

    /**
     * @param nowMillis current time.
     * @return true when a new attempt may be made now.
     */
    public boolean ready(final long nowMillis)
    {
        return nowMillis >= nextAttemptAt;
    }

    /**
     * Records a failure and schedules the next attempt.
     *
     * @param nowMillis current time.
     * @return the delay chosen.
     */
    public long failed(final long nowMillis)
    {
        final long ceiling = Math.min(maxMillis, initialMillis << Math.min(attempt, 30));
        final long floor = Math.max(1, initialMillis / 2);
        final long delay = ceiling <= floor ? ceiling : ThreadLocalRandom.current().nextLong(floor, ceiling + 1);
        attempt++;
        nextAttemptAt = nowMillis + delay;
        return delay;
    }

    /** Records a success: the next failure starts from the initial delay again. */
    public void succeeded()
    {
        attempt = 0;
        nextAttemptAt = 0;
    }

    /**
     * @return consecutive failures so far.
     */
    public int attempts()
    {
        return attempt;
    }
}
