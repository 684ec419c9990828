package io.nocraven.appliance.source;

import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts bytes a stream framer had to skip on one listener, and logs them rate-limited (at most one line per
 * {@link #LOG_INTERVAL_MILLIS}) so a misbehaving sender cannot flood the log.
 */
public final class FramingErrors
{
    /** Least time between two log lines. */
    public static final long LOG_INTERVAL_MILLIS = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(FramingErrors.class);

    private final String listener;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lastLog = new AtomicLong();

    /**
     * @param listener listener name.
     */
    public FramingErrors(final String listener)
    {
        this.listener = listener;
    }

    /**
     * @param reason  why the framer skipped bytes.
     * @param skipped how many.
     * @param remote  the sender.
     */
    public void onError(final String reason, final int skipped, final Object remote)
    {
        final long n = errors.incrementAndGet();
        bytes.addAndGet(skipped);
        final long now = System.currentTimeMillis();
        final long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_MILLIS && lastLog.compareAndSet(last, now))
        {
            LOG.warn("{}: framing error from {}: {} ({} bytes skipped; {} framing errors so far)", listener, remote,
                reason, skipped, n);
        }
    }

    /**
     * @return framing errors so far.
     */
    public long errors()
    {
        return errors.get();
    }

    /**
     * @return bytes skipped so far.
     */
    public long bytes()
    {
        return bytes.get();
    }
}
