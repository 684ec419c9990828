package io.nocraven.appliance.source;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts, by reason, the runs of bytes a stream framer had to skip on one listener (and connection errors), and logs
 * them rate-limited (at most one line per {@link #LOG_INTERVAL_MILLIS}) so a misbehaving sender cannot flood the log.
 * Reasons are the framers' stable texts, so the set of counters stays small.
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
    private final Map<String, AtomicLong> byReason = new ConcurrentHashMap<>();

    /**
     * @param listener listener name.
     */
    public FramingErrors(final String listener)
    {
        this.listener = listener;
    }

    /**
     * @param reason       why the framer skipped bytes (a stable text: it is the counter's label).
     * @param detail       where or what exactly, for the log line only.
     * @param skipped      how many bytes.
     * @param remote       the sender.
     */
    public void onError(final String reason, final String detail, final int skipped, final Object remote)
    {
        final long n = errors.incrementAndGet();
        bytes.addAndGet(skipped);
        byReason.computeIfAbsent(reason, r -> new AtomicLong()).incrementAndGet();
        final long now = System.currentTimeMillis();
        final long last = lastLog.get();
        if (now - last >= LOG_INTERVAL_MILLIS && lastLog.compareAndSet(last, now))
        {
            LOG.warn("{}: framing error from {}: {}{} ({} bytes skipped; {} framing errors so far)", listener, remote,
                reason, detail, skipped, n);
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

    /**
     * @return framing errors so far by reason, sorted by reason (a copy).
     */
    public Map<String, Long> byReason()
    {
        final Map<String, Long> out = new TreeMap<>();
        byReason.forEach((r, n) -> out.put(r, n.get()));
        return out;
    }
}
